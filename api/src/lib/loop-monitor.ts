import { createHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

/**
 * How much the event loop was held while the process served, for the log at shutdown (operators
 * and the hostile corpus test read it; no client sees it):
 * - delay: how late a 10 ms timer fired (what /health and every request feel; on a machine
 *   shared with other jobs this includes the time the process waited for a CPU);
 * - CPU between ticks: the time between two firings of a 10 ms timer, or the process's CPU time
 *   in it if that is less: an upper bound of the main thread's work in one stretch without
 *   letting the loop turn. Waiting for a CPU behind other jobs does not count (wall time grows,
 *   CPU time does not), nor do the process's other threads beyond the wall time (GC helpers).
 */
export const monitorLoop = () => {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  const busy = createHistogram();
  let last = process.cpuUsage();
  let lastAt = performance.now();
  const tick = setInterval(() => {
    const now = process.cpuUsage();
    const at = performance.now();
    const cpu = now.user - last.user + now.system - last.system;
    busy.record(Math.max(1, Math.round(Math.min(cpu, (at - lastAt) * 1e3))));
    last = now;
    lastAt = at;
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
