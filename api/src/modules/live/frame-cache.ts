/**
 * The players' frame of each game this process serves, kept in memory and updated from the
 * changes that make it (a join adds a seat, a reveal brings every seat's new score, a kick marks a
 * seat, a phase change keeps the seats), so joining, subscribing and most events read O(1) rows
 * instead of every seat. It is derived, never the truth: each entry carries the game's `seq`, and
 * whenever the database shows a newer `seq` than the entry has, or a change of unknown content (a
 * NOTIFY from another process that was not a phase-only change, a gap in seq, a seat count that
 * does not match), the entry is rebuilt by one full read. Losing it costs a read, never data.
 *
 * What does not bump `seq`: joins (a seat missing from the entry has joined since, with no points:
 * it is read alone when it shows up, and a count check at each state change notices seats added
 * by other processes) and answers (the current question's answers are read again at each state
 * change; one player's own answer is read by key when it subscribes mid-question).
 */
import type { DbClient, LiveGame } from '@quiz/prisma';
import {
  countActiveSeats,
  frameOf,
  loadAnswer,
  loadAnswers,
  loadFrameRows,
  type PlayerFrame,
  type PlayerView,
  playerViewOf,
} from './frames';
import { type AnswerRow, myAnswerView, type SeatRow } from './views';

type Entry = {
  row: LiveGame;
  seats: Map<string, SeatRow>;
  answers: Map<string, AnswerRow>;
  frame: PlayerFrame;
};

/** What a committed change did, as far as the frame is concerned. */
export type FrameChange =
  /** Phase, clock or flags only: seats unchanged (answers are read again). */
  | { type: 'phase' }
  /** A question scored: every active seat and the question's answers, as read in its transaction. */
  | { type: 'scored'; seats: SeatRow[]; answers: AnswerRow[] }
  | { type: 'kick'; playerId: string; at: Date };

/** A first view's clock may lag this much behind the server's (shared by close subscribers). */
const STAMP_MS = 100;

export class FrameCache {
  private readonly entries = new Map<string, Entry>();
  /** Per game, the update or read in progress: updates of one game apply in order. */
  private readonly work = new Map<string, Promise<unknown>>();
  private readonly loads = new Map<string, Promise<Entry | null>>();
  private readonly generation = new Map<string, number>();
  /** Full reads of a game's seats done (tests and the benchmark's figures). */
  fullReads = 0;

  constructor(
    private readonly db: DbClient,
    private readonly now: () => Date,
    private readonly maxGames = 200,
  ) {}

  /** The cached seq of a game, if any (tests). */
  seqOf(gameId: string): number | null {
    return this.entries.get(gameId)?.row.seq ?? null;
  }

  /** Forgets a game: its next use reads it whole (lost LISTEN connection, unknown change). */
  invalidate(gameId: string): void {
    this.entries.delete(gameId);
    this.generation.set(gameId, (this.generation.get(gameId) ?? 0) + 1);
  }

  /** Runs `fn` after every earlier update of the game. */
  private serial<T>(gameId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.work.get(gameId) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const tail = next.catch(() => {});
    this.work.set(gameId, tail);
    void tail.then(() => {
      if (this.work.get(gameId) === tail) {
        this.work.delete(gameId);
      }
    });
    return next;
  }

  private store(gameId: string, entry: Entry): void {
    this.entries.delete(gameId);
    this.entries.set(gameId, entry);
    if (this.entries.size > this.maxGames) {
      const oldest = this.entries.keys().next().value as string;
      this.invalidate(oldest);
    }
  }

  private build(row: LiveGame, seats: Map<string, SeatRow>, answers: Map<string, AnswerRow>) {
    return {
      row,
      seats,
      answers,
      frame: frameOf(row, [...seats.values()], [...answers.values()], this.now()),
    };
  }

  /** One full read, shared by everyone who asks while it is queued or running. */
  private load(gameId: string): Promise<Entry | null> {
    const pending = this.loads.get(gameId);
    if (pending) {
      return pending;
    }
    const generation = this.generation.get(gameId) ?? 0;
    const promise = this.serial(gameId, async () => {
      // Callers that arrive from here on need a read that starts after them.
      this.loads.delete(gameId);
      this.fullReads += 1;
      const rows = await loadFrameRows(this.db, gameId);
      if (!rows) {
        this.invalidate(gameId);
        return null;
      }
      const seats = new Map(rows.seats.map((seat) => [seat.id, seat]));
      const current = this.entries.get(gameId);
      if (current && current.row.seq > rows.row.seq) {
        return current;
      }
      if (current) {
        // Seats committed after our read began (joins here): they are newer than the read.
        for (const [id, seat] of current.seats) {
          if (!seats.has(id)) {
            seats.set(id, seat);
          }
        }
      }
      const entry = this.build(
        rows.row,
        seats,
        new Map(rows.answers.map((answer) => [answer.playerId, answer])),
      );
      if ((this.generation.get(gameId) ?? 0) === generation) {
        this.store(gameId, entry);
      }
      return entry;
    });
    this.loads.set(gameId, promise);
    return promise;
  }

  /** The frame of a game at `minSeq` or newer: the cached one, else one full read. */
  async frame(gameId: string, minSeq: number): Promise<PlayerFrame | null> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await this.work.get(gameId);
      const entry = this.entries.get(gameId);
      if (entry && entry.row.seq >= minSeq) {
        return this.stamped(entry.frame);
      }
      const loaded = await this.load(gameId);
      if (!loaded) {
        return null;
      }
      if (loaded.row.seq >= minSeq) {
        return this.stamped(loaded.frame);
      }
    }
    const rows = await loadFrameRows(this.db, gameId);
    return rows && frameOf(rows.row, rows.seats, rows.answers, this.now());
  }

  /** A shared frame's clock, moved on when it is older than STAMP_MS. */
  private stamped(frame: PlayerFrame): PlayerFrame {
    const now = this.now();
    if (now.getTime() - frame.game.serverNow.getTime() > STAMP_MS) {
      frame.game = { ...frame.game, serverNow: now };
    }
    return frame;
  }

  /**
   * A seat the entry does not hold yet (joined here or in another process since the frame was
   * read): added in O(1), except while the leaderboard or team scores are on screen.
   */
  addSeat(gameId: string, seat: SeatRow): PlayerFrame | null {
    const entry = this.entries.get(gameId);
    if (!entry || entry.seats.has(seat.id)) {
      return entry?.frame ?? null;
    }
    entry.seats.set(seat.id, seat);
    const { frame, row } = entry;
    const onBoard = frame.game.leaderboard.length > 0 || frame.game.teams.length > 0;
    if (seat.kickedAt !== null) {
      frame.seats.set(seat.id, { ...seatViewOf(seat), rank: null, kicked: true });
      return frame;
    }
    if (onBoard || seat.score > 0 || seat.correctCount > 0) {
      // Rare (a late join during the leaderboard): everything is recomputed.
      entry.frame = frameOf(
        row,
        [...entry.seats.values()],
        [...entry.answers.values()],
        this.now(),
      );
      return entry.frame;
    }
    frame.seats.set(seat.id, {
      ...seatViewOf(seat),
      rank: row.phase === 'LOBBY' ? null : frame.ahead + 1,
      kicked: false,
    });
    frame.game = { ...frame.game, playerCount: frame.game.playerCount + 1 };
    return frame;
  }

  /**
   * One player's first view (join, rejoin, subscribe) from their own seat row and the game's seq
   * read with it: O(1) reads once the game's frame is held.
   */
  async viewOf(
    gameId: string,
    seq: number,
    seat: SeatRow,
    fresh = false,
  ): Promise<PlayerView | null> {
    let frame = await this.frame(gameId, seq);
    if (!frame) {
      return null;
    }
    let view = playerViewOf(frame, seat.id);
    if (!view) {
      frame = this.addSeat(gameId, seat) ?? frame;
      view = playerViewOf(frame, seat.id) ?? {
        game: frame.game,
        me: {
          ...seatViewOf(seat),
          rank: frame.row.phase === 'LOBBY' ? null : frame.ahead + 1,
          kicked: seat.kickedAt !== null,
        },
        myAnswer: null,
      };
    }
    if (!fresh && frame.row.phase === 'QUESTION' && !view.myAnswer && seat.kickedAt === null) {
      // Answers do not bump seq: a rejoin mid-question reads its own answer by key.
      const answer = await loadAnswer(this.db, gameId, frame.row.questionIndex, seat.id);
      if (answer) {
        const entry = this.entries.get(gameId);
        if (entry?.row.questionIndex === frame.row.questionIndex) {
          entry.answers.set(seat.id, answer);
          entry.frame.answers.set(seat.id, answer);
        }
        view = { ...view, myAnswer: myAnswerView(frame.row, answer) };
      }
    }
    return view;
  }

  /**
   * A change committed at `row.seq` on top of `beforeSeq` (by this process, or announced by
   * another as phase-only). Applied when the entry is exactly at `beforeSeq`; otherwise the entry
   * is dropped and the next use reads the game whole.
   */
  applyChange(
    gameId: string,
    beforeSeq: number,
    row: LiveGame | null,
    change: FrameChange,
  ): Promise<void> {
    if (change.type !== 'scored' && !this.entries.has(gameId)) {
      return Promise.resolve();
    }
    return this.serial(gameId, async () => {
      const entry = this.entries.get(gameId);
      if (change.type === 'scored' && row) {
        // The scoring transaction read every active seat: enough for a whole frame, no read.
        const seats = new Map(change.seats.map((seat) => [seat.id, seat]));
        if (entry && entry.row.seq === beforeSeq) {
          for (const [id, seat] of entry.seats) {
            if (seat.kickedAt !== null && !seats.has(id)) {
              seats.set(id, seat);
            }
          }
        }
        const active = new Set(change.seats.map((seat) => seat.id));
        const answers = new Map(
          change.answers
            .filter((answer) => active.has(answer.playerId))
            .map((answer) => [answer.playerId, answer]),
        );
        if (!entry || entry.row.seq <= beforeSeq) {
          this.store(gameId, this.build(row, seats, answers));
        }
        return;
      }
      if (!entry || entry.row.seq !== beforeSeq) {
        if (!entry || entry.row.seq < (row?.seq ?? beforeSeq + 1)) {
          this.invalidate(gameId);
        }
        return;
      }
      const next = row ?? (await this.db.liveGame.findUnique({ where: { id: gameId } }));
      if (!next || next.seq !== beforeSeq + 1) {
        // More than this one change happened meanwhile: its content is unknown.
        this.invalidate(gameId);
        return;
      }
      const seats = entry.seats;
      if (change.type === 'kick') {
        const seat = seats.get(change.playerId);
        if (seat) {
          seats.set(change.playerId, { ...seat, kickedAt: change.at });
        }
      }
      const [answers, activeCount] = await Promise.all([
        loadAnswers(this.db, next),
        countActiveSeats(this.db, gameId),
      ]);
      let known = 0;
      for (const seat of seats.values()) {
        if (seat.kickedAt === null) {
          known += 1;
        }
      }
      if (known !== activeCount || this.entries.get(gameId) !== entry) {
        // Seats joined through another process (or kicked there): read the game whole.
        this.invalidate(gameId);
        return;
      }
      this.store(
        gameId,
        this.build(next, seats, new Map(answers.map((answer) => [answer.playerId, answer]))),
      );
    });
  }
}

const seatViewOf = (seat: SeatRow) => ({
  id: seat.id,
  nickname: seat.nickname,
  team: seat.team,
  score: seat.score,
  correctCount: seat.correctCount,
  answerCount: seat.answerCount,
  streak: seat.streak,
});
