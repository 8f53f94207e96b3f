import { createHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

/**
 * How much the event loop was held while the process served, for the log at shutdown (operators
 * and the hostile corpus test read it; no client sees it):
 * - delay: how late a 10 ms timer fired (what /health and every request feel; on a machine
 *   shared with other jobs this includes the time the process waited for a CPU);
 * - CPU between ticks: process CPU time spent between two firings of a 10 ms timer, i.e. the
 *   longest stretch of work that ran without letting the loop turn, which other jobs on the
 *   machine do not inflate (it counts all of the process's threads, so it is an upper bound).
 */
export const monitorLoop = () => {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  const busy = createHistogram();
  let last = process.cpuUsage();
  const tick = setInterval(() => {
    const now = process.cpuUsage();
    busy.record(Math.max(1, now.user - last.user + now.system - last.system));
    last = now;
  }, RESOLUTION_MS);
  tick.unref();
  return {
    /** Stops measuring and describes what was measured, in one log line. */
    stop: (): string => {
      delay.disable();
      clearInterval(tick);
      // The delay histogram holds whole timer intervals (ns): the delay is what exceeds them.
      const late = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS).toFixed(1);
      const cpu = (us: number) => (us / 1e3).toFixed(1);
      return (
        `event loop delay p50 ${late(delay.percentile(50))} ms, p99 ${late(delay.percentile(99))} ms, max ${late(delay.max)} ms; ` +
        `CPU between ticks p99 ${cpu(busy.percentile(99))} ms, max ${cpu(busy.max)} ms`
      );
    },
  };
};
