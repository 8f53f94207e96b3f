import { GraphQLRequestError } from '@/lib/graphql/client';
import { answerRetryDelayMs, sendLiveAnswer } from './answer-retry';

describe('answerRetryDelayMs', () => {
  it('retries the network and a busy server with a growing wait', () => {
    expect(answerRetryDelayMs(new GraphQLRequestError('x', 'NETWORK_ERROR', 0), 0)).toBe(300);
    expect(answerRetryDelayMs(new GraphQLRequestError('x', 'SERVICE_UNAVAILABLE', 503), 2)).toBe(
      1200,
    );
  });

  it("retries this client's in-flight share after its Retry-After", () => {
    const busy = new GraphQLRequestError('Too many requests in progress', 'RATE_LIMITED', 429, 1);
    expect(answerRetryDelayMs(busy, 0)).toBe(1000);
    expect(answerRetryDelayMs(busy, 3)).toBe(2400);
  });

  it('does not retry a long rate limit or the answer’s own refusal', () => {
    expect(
      answerRetryDelayMs(new GraphQLRequestError('Slow down', 'RATE_LIMITED', 429, 60), 0),
    ).toBeNull();
    expect(answerRetryDelayMs(new GraphQLRequestError('Closed', 'CONFLICT', 200), 0)).toBeNull();
    expect(answerRetryDelayMs(new Error('boom'), 0)).toBeNull();
  });
});

describe('sendLiveAnswer', () => {
  const networkDown = () =>
    new GraphQLRequestError('The network request failed', 'NETWORK_ERROR', 0);

  it('waits for the network when the phone is offline instead of giving up (probe 7b)', async () => {
    let online = false;
    let backOnline: () => void = () => undefined;
    const waits: boolean[] = [];
    const send = jest.fn(async () => {
      if (!online) {
        throw networkDown();
      }
      return 'recorded';
    });
    const sent = sendLiveAnswer(send, {
      isOnline: () => online,
      untilOnline: () =>
        new Promise<void>((resolve) => {
          backOnline = resolve;
        }),
      sleep: async () => undefined,
      onOffline: (waiting) => waits.push(waiting),
    });
    // Five tries fail while offline; then it waits rather than throwing.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(send).toHaveBeenCalledTimes(5);
    expect(waits).toEqual([true]);
    online = true;
    backOnline();
    await expect(sent).resolves.toBe('recorded');
    expect(send).toHaveBeenCalledTimes(6);
    expect(waits).toEqual([true, false]);
  });

  it('gives up on the answer’s own refusal at once, and on the network when the phone says it is online', async () => {
    const refused = jest.fn(async () => {
      throw new GraphQLRequestError('Closed', 'CONFLICT', 200);
    });
    const deps = {
      isOnline: () => true,
      untilOnline: async () => undefined,
      sleep: async () => undefined,
    };
    await expect(sendLiveAnswer(refused, deps)).rejects.toThrow('Closed');
    expect(refused).toHaveBeenCalledTimes(1);
    const lost = jest.fn(async () => {
      throw networkDown();
    });
    await expect(sendLiveAnswer(lost, deps)).rejects.toThrow('The network request failed');
    expect(lost).toHaveBeenCalledTimes(5);
  });
});
