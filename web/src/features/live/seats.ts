/** Where this browser keeps its live seats: one token per game, so a reload rejoins the seat. */
const PREFIX = 'live-seat:';

/** The seat token of a game, kept in this browser so a reload or a new tab rejoins the seat. */
export const seatKey = (gameId: string) => `${PREFIX}${gameId}`;

/**
 * Forgets every seat this browser holds, at sign-out. A signed-in student's seat token stayed in
 * localStorage: the next person on a shared school computer who opened the game (or joined it,
 * signed in as someone else) sat in that student's seat, answering in their name onto their
 * LIVE board (probe, 7 Dec).
 */
export const forgetSeats = (storage: Storage = window.localStorage) => {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) {
      keys.push(key);
    }
  }
  for (const key of keys) {
    storage.removeItem(key);
  }
};
