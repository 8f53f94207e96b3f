import { performance } from 'node:perf_hooks';

export type DatabaseHealthOptions = {
  /** One round trip to the database (`SELECT 1` through the pool); rejects when it is away. */
  ping: () => Promise<unknown>;
  /** A result older than this (measured from the ping's start) is not reported: a new ping runs. */
  maxAgeMs?: number;
  /** How often the background ping runs. */
  intervalMs?: number;
  /** Called when the database goes from reachable to not (or back), for the log. */
  onChange?: (ok: boolean, error: unknown) => void;
  now?: () => number;
};

/**
 * The database part of /health, answered from the last background ping when that ping started
 * less than `maxAgeMs` ago. /health used to run `SELECT 1` through the shared pool on every poll,
 * so under load it queued behind the requests' queries and then waited for the event loop to
 * read the answer: in the hostile corpus that was most of its p99 (24–237 ms of a 260 ms poll).
 * A poll now costs no database round trip; a ping that is stale (the pool is saturated for
 * longer than `maxAgeMs`, or the database is away) is awaited, so /health never reports a
 * result older than `maxAgeMs`. One ping at a time, shared by every poll that needs it.
 */
export class DatabaseHealth {
  private last: { ok: boolean; startedAt: number } | null = null;
  private pending: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly maxAgeMs: number;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: DatabaseHealthOptions) {
    this.maxAgeMs = options.maxAgeMs ?? 1_000;
    this.intervalMs = options.intervalMs ?? 250;
    this.now = options.now ?? (() => performance.now());
  }

  /** Starts the background ping (an unref'd timer: it never keeps the process alive). */
  start(): void {
    if (this.timer) {
      return;
    }
    void this.ping();
    this.timer = setInterval(() => void this.ping(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Whether the database answered a ping that started at most `maxAgeMs` ago. */
  async check(): Promise<boolean> {
    const last = this.last;
    if (last && this.now() - last.startedAt <= this.maxAgeMs) {
      return last.ok;
    }
    return this.ping();
  }

  private ping(): Promise<boolean> {
    if (this.pending) {
      return this.pending;
    }
    const startedAt = this.now();
    const running = this.options.ping().then(
      () => true,
      (error: unknown) => {
        if (this.last?.ok !== false) {
          this.options.onChange?.(false, error);
        }
        return false;
      },
    );
    this.pending = running.then((ok) => {
      if (ok && this.last?.ok === false) {
        this.options.onChange?.(true, null);
      }
      this.last = { ok, startedAt };
      this.pending = null;
      return ok;
    });
    return this.pending;
  }
}
