import { act, renderHook } from '@testing-library/react';

type Sink = {
  next: (value: unknown) => void;
  error: (error: unknown) => void;
  complete: () => void;
};
const sinks: Sink[] = [];
jest.mock('graphql-ws', () => ({
  createClient: () => ({
    subscribe: (_payload: unknown, sink: Sink) => {
      sinks.push(sink);
      return () => {};
    },
    terminate: () => {},
  }),
}));

import { useLiveStream } from './socket';

type View = { game: { seq: number; serverNow: string } };
const pick = (data: Record<string, unknown>) => data.livePlayerEvents as View | undefined;

describe('useLiveStream', () => {
  beforeEach(() => {
    sinks.length = 0;
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('subscribes again after a RATE_LIMITED or SERVICE_UNAVAILABLE refusal, instead of showing an error', () => {
    const { result } = renderHook(() =>
      useLiveStream('subscription { livePlayerEvents { game { seq } } }', { t: 'x' }, pick),
    );
    expect(sinks).toHaveLength(1);
    act(() => {
      sinks[0]?.error([
        {
          message: 'Too many requests in progress',
          extensions: { code: 'RATE_LIMITED', retryAfter: 1 },
        },
      ]);
    });
    expect(result.current.error).toBeNull();
    act(() => {
      jest.advanceTimersByTime(1_600);
    });
    expect(sinks).toHaveLength(2);
    act(() => {
      sinks[1]?.error([{ message: 'Busy', extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
      jest.advanceTimersByTime(1_600);
    });
    expect(sinks).toHaveLength(3);
    act(() => {
      sinks[2]?.next({
        data: { livePlayerEvents: { game: { seq: 4, serverNow: new Date().toISOString() } } },
      });
    });
    expect(result.current.view?.game.seq).toBe(4);
  });

  it('shows any other refusal', () => {
    const { result } = renderHook(() =>
      useLiveStream('subscription { livePlayerEvents { game { seq } } }', { t: 'x' }, pick),
    );
    act(() => {
      sinks[0]?.error([
        { message: 'This seat token is not valid', extensions: { code: 'UNAUTHENTICATED' } },
      ]);
      jest.advanceTimersByTime(5_000);
    });
    expect(result.current.error).toEqual({
      message: 'This seat token is not valid',
      code: 'UNAUTHENTICATED',
    });
    expect(sinks).toHaveLength(1);
  });
});
