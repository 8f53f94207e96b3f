/**
 * A stream that ends once its holder's right to it is gone: `valid` is asked before each event
 * goes out and every `everyMs` while none comes (a lobby can be quiet for minutes); when it says
 * no, the inner stream is closed and `next` rejects with `refusal()`. A host's live stream was
 * checked only when it started: after "sign out everywhere" (or a revoked session) it kept
 * pushing the roster and answers to the old screen (probe, 6 Dec evening).
 */
export const whileValid = <T>(
  inner: AsyncIterableIterator<T>,
  valid: () => Promise<boolean>,
  refusal: () => Error,
  everyMs: number,
): AsyncIterableIterator<T> => {
  let pending: Promise<IteratorResult<T>> | null = null;
  let ended = false;
  const end = async (): Promise<never> => {
    ended = true;
    await inner.return?.();
    throw refusal();
  };
  const stream: AsyncIterableIterator<T> = {
    next: async () => {
      for (;;) {
        if (ended) {
          return { value: undefined, done: true };
        }
        pending ??= inner.next();
        let timer: NodeJS.Timeout | undefined;
        const tick = new Promise<'tick'>((resolve) => {
          timer = setTimeout(() => resolve('tick'), everyMs);
          timer.unref?.();
        });
        const first = await Promise.race([pending, tick]).finally(() => clearTimeout(timer));
        if (first !== 'tick') {
          pending = null;
          if (first.done) {
            return first;
          }
        }
        if (!(await valid())) {
          return end();
        }
        if (first !== 'tick') {
          return first;
        }
      }
    },
    return: async () => {
      ended = true;
      return (await inner.return?.()) ?? { value: undefined, done: true };
    },
    throw: async (error: unknown) => {
      ended = true;
      await inner.return?.();
      throw error;
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
};
