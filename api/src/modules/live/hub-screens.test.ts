import type { DbClient } from '@quiz/prisma';
import type { HostView, PlayerView } from './frames';
import { LiveHub, MAX_HOST_SCREENS, MAX_SCREENS_PER_SEAT } from './hub';

// One seat token could open any number of screens (sockets × 8 subscriptions each), every one
// pushed and serialised at each event of the game (probe, 6 Dec). A seat keeps its newest few.
describe('screens per seat', () => {
  const hub = new LiveHub({ db: {} as DbClient, databaseUrl: null });
  const view = (n: number) => ({ n, me: { kicked: false } }) as unknown as PlayerView;

  it(`keeps a seat's newest ${MAX_SCREENS_PER_SEAT} screens and ends the older ones`, async () => {
    const opened = Array.from({ length: 10 }, (_, n) =>
      hub.subscribePlayer('game-1', 'seat-a', view(n)),
    );
    const other = hub.subscribePlayer('game-1', 'seat-b', view(99));
    expect(hub.screenCount('game-1').players).toBe(MAX_SCREENS_PER_SEAT + 1);
    // An ended screen gives what it held, then finishes (graphql-ws then completes it).
    const oldest = opened[0];
    expect(await oldest?.next()).toEqual({ value: view(0), done: false });
    expect(await oldest?.next()).toEqual({ value: undefined, done: true });
    // The newest ones and the other seat's stay open.
    for (const queue of opened.slice(-MAX_SCREENS_PER_SEAT)) {
      expect((await queue.next()).done).toBe(false);
    }
    expect(await other.next()).toEqual({ value: view(99), done: false });
    // Closing them all leaves nothing behind.
    for (const queue of [...opened, other]) {
      await queue.return();
    }
    expect(hub.screenCount('game-1')).toEqual({ hosts: 0, players: 0 });
    // A seat that closed everything can open screens again.
    const again = hub.subscribePlayer('game-1', 'seat-a', view(7));
    expect(hub.screenCount('game-1').players).toBe(1);
    await again.return();
  });

  it(`keeps a game's newest ${MAX_HOST_SCREENS} host screens, never counting the host away meanwhile`, async () => {
    let away = 0;
    const onClose = () => {
      if (hub.screenCount('game-2').hosts === 0) {
        away += 1;
      }
    };
    const hostView = (n: number) => ({ n }) as unknown as HostView;
    const opened = Array.from({ length: 12 }, (_, n) =>
      hub.subscribeHost('game-2', hostView(n), onClose),
    );
    expect(hub.screenCount('game-2').hosts).toBe(MAX_HOST_SCREENS);
    expect(away).toBe(0);
    expect(await opened[0]?.next()).toEqual({ value: hostView(0), done: false });
    expect(await opened[0]?.next()).toEqual({ value: undefined, done: true });
    for (const queue of opened) {
      await queue.return();
    }
    expect(away).toBe(1);
    expect(hub.screenCount('game-2')).toEqual({ hosts: 0, players: 0 });
  });
});

// An announcement still on its way when the process stops failed after the pool closed and
// logged after shutdown (the API suite's "Cannot log after tests are done").
describe('stop', () => {
  it('waits for an announcement in flight before it returns', async () => {
    let release: () => void = () => {};
    const db = {
      $executeRaw: () =>
        new Promise<number>((resolve) => {
          release = () => resolve(1);
        }),
    } as unknown as DbClient;
    const hub = new LiveHub({ db, databaseUrl: 'postgres://unused', log: () => {} });
    const sent = hub.announceThrottled('game-9', 'count');
    let stopped = false;
    const stopping = hub.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await sent;
    await stopping;
    expect(stopped).toBe(true);
  });
});
