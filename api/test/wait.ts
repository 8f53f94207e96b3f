/** Polls `done` every 50 ms, up to 5 s, for a subscription's first events (then the test asserts). */
export const waitFor = async (done: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !done(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
