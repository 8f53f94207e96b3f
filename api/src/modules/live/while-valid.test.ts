import { whileValid } from './while-valid';

/** An inner stream fed by hand, recording whether it was closed. */
const feed = <T>() => {
  const values: T[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  const inner: AsyncIterableIterator<T> = {
    next: async () => {
      while (values.length === 0 && !closed) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      return closed
        ? { value: undefined, done: true }
        : { value: values.shift() as T, done: false };
    },
    return: async () => {
      closed = true;
      wake?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => inner,
  };
  return {
    inner,
    push: (value: T) => {
      values.push(value);
      wake?.();
    },
    closed: () => closed,
  };
};

const refusal = () => new Error('UNAUTHENTICATED');

describe('whileValid', () => {
  it('passes events through while valid, and ends with the refusal on the next event after', async () => {
    const source = feed<number>();
    let valid = true;
    const stream = whileValid(source.inner, async () => valid, refusal, 60_000);
    source.push(1);
    expect(await stream.next()).toEqual({ value: 1, done: false });
    valid = false;
    source.push(2);
    await expect(stream.next()).rejects.toThrow('UNAUTHENTICATED');
    expect(source.closed()).toBe(true);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('ends a quiet stream at the next periodic check, without an event', async () => {
    const source = feed<number>();
    let valid = true;
    let checks = 0;
    const stream = whileValid(
      source.inner,
      async () => {
        checks += 1;
        return valid;
      },
      refusal,
      20,
    );
    const waiting = stream.next();
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(checks).toBeGreaterThanOrEqual(2);
    valid = false;
    await expect(waiting).rejects.toThrow('UNAUTHENTICATED');
    expect(source.closed()).toBe(true);
  });

  it('keeps an event that arrives while it waits between checks', async () => {
    const source = feed<string>();
    const stream = whileValid(source.inner, async () => true, refusal, 10);
    const waiting = stream.next();
    await new Promise((resolve) => setTimeout(resolve, 35));
    source.push('late');
    expect(await waiting).toEqual({ value: 'late', done: false });
    await stream.return?.();
    expect(source.closed()).toBe(true);
  });
});
