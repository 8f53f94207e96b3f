/**
 * Fan-out of live games across API processes. Every change is written to PostgreSQL and
 * announced with NOTIFY on one channel; each process LISTENs on a dedicated connection, reads
 * the game once, and pushes the new view to the screens connected to it. The payload is only
 * "<gameId>|<kind>" (far below the 8000-byte limit): the database, not the message, is the truth,
 * so a lost notification costs a refresh, never data.
 *
 * Traps handled (see docs/live.md): LISTEN needs its own long-lived connection (not the pool);
 * node-postgres does not reconnect, so we do, forever, then re-LISTEN and refresh every game
 * with local screens (notifications sent while we were away are gone). Answer counts and joins
 * are throttled per game, and go to the host only.
 */

import { randomBytes } from 'node:crypto';
import type { DbClient, LiveGame } from '@quiz/prisma';
import { Client } from 'pg';
import { FrameCache, type FrameChange } from './frame-cache';
import { type HostView, loadHostView, type PlayerView, playerViewOf } from './frames';

export const LIVE_CHANNEL = 'live_game';

/** state: phase or seats changed (everyone); count / roster: for the host's screen only. */
export type LiveEventKind = 'state' | 'count' | 'roster';

/** How often, at most, one process announces answer counts or joins of one game. */
export const THROTTLE_MS = 250;

/**
 * A subscription's stream: keeps only the newest undelivered view (each view is the whole
 * screen, so a slow socket skips stale ones instead of queueing them).
 */
class LatestQueue<T> implements AsyncIterableIterator<T> {
  private value: T | undefined;
  private has = false;
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private done = false;

  constructor(private readonly onClose: () => void) {}

  push(value: T): void {
    if (this.done) {
      return;
    }
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    this.value = value;
    this.has = true;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.has) {
      const value = this.value as T;
      this.has = false;
      this.value = undefined;
      return Promise.resolve({ value, done: false });
    }
    if (this.done) {
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.onClose();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

type GameScreens = {
  hosts: Set<LatestQueue<HostView>>;
  players: Map<LatestQueue<PlayerView>, string>;
  /** Each seat's open screens here, oldest first (at most MAX_SCREENS_PER_SEAT). */
  seats: Map<string, LatestQueue<PlayerView>[]>;
  /** A refresh is running; `again` holds the kinds that arrived meanwhile. */
  refreshing: boolean;
  again: Set<LiveEventKind>;
  /** The players' frame pushed next must be at this seq or newer. */
  againSeq: number;
};

export type LiveHubOptions = {
  db: DbClient;
  /** For the dedicated LISTEN connection; null: this process only hears its own events. */
  databaseUrl: string | null;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
};

/** Screens one seat may have open in one process: a phone, a laptop, a reload overlapping. */
export const MAX_SCREENS_PER_SEAT = 3;
/** Host screens of one game in one process: the projector, a laptop, a phone, a reload. */
export const MAX_HOST_SCREENS = 4;

export class LiveHub {
  private readonly games = new Map<string, GameScreens>();
  private readonly throttled = new Map<string, NodeJS.Timeout>();
  private readonly lastSent = new Map<string, number>();
  /** Announcements sent and not yet answered: stop() waits for them (not for the pool's close). */
  private readonly inFlight = new Set<Promise<void>>();
  /** The players' frame of each game, kept up to date from its changes (frame-cache.ts). */
  readonly frames: FrameCache;
  /** Tells this process's own NOTIFYs apart: it has applied those changes already. */
  private readonly origin = randomBytes(6).toString('hex');
  /** When each player screen opened (ms): a rekey ends only the screens opened before it. */
  private readonly openedAt = new WeakMap<LatestQueue<PlayerView>, number>();
  private listener: Client | null = null;
  private stopped = false;
  private reconnectDelayMs = 100;
  private readonly now: () => Date;
  private readonly log: (message: string, error?: unknown) => void;
  /** Resolves once LISTEN is in place (tests wait for it). */
  ready: Promise<void> = Promise.resolve();

  constructor(private readonly options: LiveHubOptions) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((message, error) => console.error(message, error ?? ''));
    this.frames = new FrameCache(options.db, this.now);
  }

  private started = false;

  /**
   * Starts listening, once: on the first screen that subscribes (a process that only runs
   * mutations needs no LISTEN connection; its NOTIFYs go through the pool).
   */
  start(): Promise<void> {
    if (!this.started && this.options.databaseUrl) {
      this.started = true;
      this.ready = this.connect();
    }
    return this.ready;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.throttled.values()) {
      clearTimeout(timer);
    }
    this.throttled.clear();
    // A NOTIFY still on its way would otherwise fail once the pool is closed and log after
    // shutdown ("live: NOTIFY failed … timeout", seen after tests end).
    await Promise.allSettled([...this.inFlight]);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    for (const screens of this.games.values()) {
      for (const queue of screens.hosts) {
        void queue.return();
      }
      for (const queue of screens.players.keys()) {
        void queue.return();
      }
    }
  }

  private async connect(): Promise<void> {
    while (!this.stopped) {
      const client = new Client({ connectionString: this.options.databaseUrl ?? undefined });
      try {
        client.on('notification', (message) => this.onNotification(message.payload ?? ''));
        client.on('error', (error) => this.lost(client, error));
        client.on('end', () => this.lost(client));
        await client.connect();
        await client.query(`LISTEN ${LIVE_CHANNEL}`);
        if (this.stopped) {
          await client.end();
          return;
        }
        this.listener = client;
        this.reconnectDelayMs = 100;
        // Whatever was announced while we were not listening: read every game we serve again.
        for (const gameId of this.games.keys()) {
          this.frames.invalidate(gameId);
          this.refresh(gameId, 'state');
        }
        return;
      } catch (error) {
        client.removeAllListeners();
        await client.end().catch(() => {});
        this.log('live: LISTEN connection failed, retrying', error);
        await new Promise((resolve) => setTimeout(resolve, this.reconnectDelayMs));
        this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 5_000);
      }
    }
  }

  private lost(client: Client, error?: unknown): void {
    if (this.listener !== client || this.stopped) {
      return;
    }
    this.listener = null;
    client.removeAllListeners();
    client.on('error', () => {});
    void client.end().catch(() => {});
    this.log('live: LISTEN connection lost, reconnecting', error);
    this.ready = this.connect();
  }

  private onNotification(payload: string): void {
    const [gameId, kind, seqText, origin, hint] = payload.split('|');
    if (gameId && kind === 'rekey') {
      // "<gameId>|rekey|<playerId>|<origin>|<at ms>": a seat's token was replaced elsewhere.
      const at = Number(hint);
      if (seqText && origin !== this.origin && Number.isFinite(at)) {
        this.endSeatScreens(gameId, seqText, at);
      }
      return;
    }
    if (!gameId || (kind !== 'state' && kind !== 'count' && kind !== 'roster')) {
      return;
    }
    if (kind !== 'state') {
      this.refresh(gameId, kind);
      return;
    }
    if (origin === this.origin) {
      // Ours: applied to the frame and pushed at commit (committed()).
      return;
    }
    const seq = Number(seqText);
    if (!Number.isInteger(seq)) {
      this.frames.invalidate(gameId);
      this.refresh(gameId, 'state');
      return;
    }
    if (hint === 'p') {
      // Phase-only on top of the seq we hold: keep the seats, read the game row and answers.
      void this.frames.applyChange(gameId, seq - 1, null, { type: 'phase' });
    } else if ((this.frames.seqOf(gameId) ?? seq) < seq) {
      this.frames.invalidate(gameId);
    }
    this.refresh(gameId, 'state', seq);
  }

  /**
   * Announces a change. Inside a transaction (pass it as db) the NOTIFY goes out at commit, and
   * not at all on rollback. A state change carries its seq and whether seats changed ('p': phase
   * only), so other processes update their frame without reading every seat when they can.
   */
  async announce(
    db: DbClient,
    gameId: string,
    kind: LiveEventKind,
    state?: { seq: number; phaseOnly: boolean },
  ): Promise<void> {
    if (this.options.databaseUrl) {
      const payload = state
        ? `${gameId}|${kind}|${state.seq}|${this.origin}|${state.phaseOnly ? 'p' : 's'}`
        : `${gameId}|${kind}`;
      await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`;
    }
  }

  /**
   * After this process committed a state change: update the frame from what the change did (no
   * seat read), then push to the local screens (other processes hear the NOTIFY).
   */
  async committed(
    gameId: string,
    beforeSeq: number,
    row: LiveGame,
    change: FrameChange,
  ): Promise<void> {
    await this.frames
      .applyChange(gameId, beforeSeq, row, change)
      .catch((error) => this.log('live: frame update failed', error));
    this.refresh(gameId, 'state', row.seq);
  }

  /**
   * Answer counts and joins: at most one announcement per game and kind per THROTTLE_MS from this
   * process. The first goes out at once (awaitable); later ones within the window are folded into
   * one at its end.
   */
  announceThrottled(gameId: string, kind: 'count' | 'roster'): Promise<void> {
    const key = `${gameId}|${kind}`;
    if (this.stopped || this.throttled.has(key)) {
      return Promise.resolve();
    }
    const now = Date.now();
    const wait = (this.lastSent.get(key) ?? 0) + THROTTLE_MS - now;
    if (wait <= 0) {
      this.lastSent.set(key, now);
      return this.sendNow(gameId, kind);
    }
    this.throttled.set(
      key,
      setTimeout(() => {
        this.throttled.delete(key);
        this.lastSent.set(key, Date.now());
        void this.sendNow(gameId, kind);
      }, wait),
    );
    return Promise.resolve();
  }

  private sendNow(gameId: string, kind: LiveEventKind): Promise<void> {
    if (this.lastSent.size > 10_000) {
      this.lastSent.clear();
    }
    if (!this.options.databaseUrl) {
      this.refresh(gameId, kind);
      return Promise.resolve();
    }
    const sent = this.announce(this.options.db, gameId, kind).catch((error) =>
      this.log('live: NOTIFY failed', error),
    );
    this.inFlight.add(sent);
    void sent.finally(() => this.inFlight.delete(sent));
    return sent;
  }

  private screens(gameId: string): GameScreens {
    let screens = this.games.get(gameId);
    if (!screens) {
      screens = {
        hosts: new Set(),
        players: new Map(),
        seats: new Map(),
        refreshing: false,
        again: new Set(),
        againSeq: 0,
      };
      this.games.set(gameId, screens);
    }
    return screens;
  }

  private release(gameId: string): void {
    const screens = this.games.get(gameId);
    if (screens && screens.hosts.size === 0 && screens.players.size === 0 && !screens.refreshing) {
      this.games.delete(gameId);
    }
  }

  /** A host screen's stream; `first` is its current view. */
  subscribeHost(gameId: string, first: HostView, onClose: () => void = () => {}) {
    const screens = this.screens(gameId);
    const queue = new LatestQueue<HostView>(() => {
      screens.hosts.delete(queue);
      this.release(gameId);
      onClose();
    });
    screens.hosts.add(queue);
    queue.push(first);
    // A host's screens had no cap (probe, 6 Dec evening): every subscription is pushed and
    // serialised at each answer count. The newest win, as for a seat; the oldest is ended after
    // the new one is in, so the host is never counted away meanwhile.
    for (const oldest of screens.hosts) {
      if (screens.hosts.size <= MAX_HOST_SCREENS) {
        break;
      }
      void oldest.return();
    }
    return queue;
  }

  /** A player screen's stream; `first` is its current view. */
  subscribePlayer(gameId: string, playerId: string, first: PlayerView) {
    const screens = this.screens(gameId);
    const own = screens.seats.get(playerId) ?? [];
    const queue = new LatestQueue<PlayerView>(() => {
      screens.players.delete(queue);
      const at = own.indexOf(queue);
      if (at >= 0) {
        own.splice(at, 1);
      }
      if (own.length === 0 && screens.seats.get(playerId) === own) {
        screens.seats.delete(playerId);
      }
      this.release(gameId);
    });
    // One seat token opened any number of screens (sockets × 8 subscriptions), each pushed and
    // serialised at every event: one guest seat could add a large class's work (probe, 6 Dec).
    // The newest screens win: the oldest is ended (a tab reloaded or a dropped connection).
    while (own.length >= MAX_SCREENS_PER_SEAT) {
      void own.shift()?.return();
    }
    own.push(queue);
    this.openedAt.set(queue, Date.now());
    screens.seats.set(playerId, own);
    this.games.set(gameId, screens); // Kept even if an ended screen was the game's last.
    screens.players.set(queue, playerId);
    queue.push(first);
    if (first.me.kicked) {
      void queue.return(); // The snapshot says "removed", then the stream ends (push above).
    }
    return queue;
  }

  /**
   * Ends this process's screens of one seat (its token was replaced at a rejoin): a stream
   * opened with the old token must not outlive it. Other processes' screens of the seat end when
   * their socket does (the old token is refused everywhere else at once).
   */
  endSeatScreens(gameId: string, playerId: string, openedBefore = Number.POSITIVE_INFINITY): void {
    for (const queue of [...(this.games.get(gameId)?.seats.get(playerId) ?? [])]) {
      if ((this.openedAt.get(queue) ?? 0) <= openedBefore) {
        void queue.return();
      }
    }
  }

  /**
   * A seat's token was replaced (an account's rejoin): ends this process's screens of the seat
   * now, and every other process's screens opened before `at` (the new token's screens, opened
   * after, stay). The old token is refused everywhere at once; this ends its open streams.
   */
  async seatRekeyed(gameId: string, playerId: string, at: number): Promise<void> {
    this.endSeatScreens(gameId, playerId);
    if (this.options.databaseUrl) {
      await this.options.db
        .$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${`${gameId}|rekey|${playerId}|${this.origin}|${at}`})`;
    }
  }

  /** Local screens of a game (for tests and the benchmark's figures). */
  screenCount(gameId: string): { hosts: number; players: number } {
    const screens = this.games.get(gameId);
    return { hosts: screens?.hosts.size ?? 0, players: screens?.players.size ?? 0 };
  }

  /** Reads the game once and pushes to its local screens; coalesces events that arrive meanwhile. */
  refresh(gameId: string, kind: LiveEventKind, seq = 0): void {
    const screens = this.games.get(gameId);
    if (!screens) {
      return;
    }
    if (screens.refreshing) {
      screens.again.add(kind);
      screens.againSeq = Math.max(screens.againSeq, seq);
      return;
    }
    screens.refreshing = true;
    void this.push(gameId, screens, kind, seq)
      .catch((error) => this.log('live: refresh failed', error))
      .finally(() => {
        screens.refreshing = false;
        const again = screens.again;
        const againSeq = screens.againSeq;
        screens.again = new Set();
        screens.againSeq = 0;
        if (again.size > 0) {
          this.refresh(
            gameId,
            again.has('state') ? 'state' : again.has('roster') ? 'roster' : 'count',
            againSeq,
          );
        } else {
          this.release(gameId);
        }
      });
  }

  private async push(
    gameId: string,
    screens: GameScreens,
    kind: LiveEventKind,
    seq: number,
  ): Promise<void> {
    const now = this.now();
    const db = this.options.db;
    if (screens.hosts.size > 0) {
      const view = await loadHostView(db, gameId, now);
      if (view) {
        for (const queue of screens.hosts) {
          queue.push(view);
        }
      }
    }
    if (kind === 'state' && screens.players.size > 0) {
      const frame = await this.frames.frame(gameId, seq);
      if (frame) {
        for (const [queue, playerId] of screens.players) {
          const view = playerViewOf(frame, playerId);
          if (view) {
            queue.push(view);
            if (view.me.kicked) {
              // The seat's last event says it was removed; the game (questions, reveals) is no
              // longer its to watch (probe, 6 Dec evening: a kicked seat's stream ran on).
              void queue.return();
            }
          }
        }
      }
    }
  }
}
