import type { Context } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { requireTeacher } from '../accounts/guards';
import { sessionIsLive } from '../accounts/session';
import type { QuestionResponse } from '../questions/types';
import type { HostView, PlayerView } from './frames';
import { exportLiveResults, liveReport } from './report';
import {
  createLiveGame,
  hostCommand,
  hostView,
  joinGame,
  kickPlayer,
  liveRuntime,
  lobbyInfo,
  myLiveGames,
  playerView,
  submitAnswer,
  subscribeHost,
  subscribePlayer,
} from './service';

const runtimeOf = (ctx: Context) => liveRuntime(ctx.db, ctx.env.DATABASE_URL);

/** GraphQL input (nullable lists) to the domain's response (absent fields left out). */
const toResponse = (input: {
  optionIds?: string[] | null;
  order?: string[] | null;
  pairs?: { itemId: string; targetId: string }[] | null;
  year?: number | null;
  text?: string | null;
}): QuestionResponse => {
  const response: QuestionResponse = {};
  if (input.optionIds != null) {
    response.optionIds = input.optionIds;
  }
  if (input.order != null) {
    response.order = input.order;
  }
  if (input.pairs != null) {
    response.pairs = input.pairs.map(({ itemId, targetId }) => ({ itemId, targetId }));
  }
  if (input.year != null) {
    response.year = input.year;
  }
  if (input.text != null) {
    response.text = input.text;
  }
  return response;
};

export const resolvers: Resolvers = {
  Query: {
    liveGame: (_p, { id }, ctx) => hostView(ctx.db, id, requireTeacher(ctx), ctx.now()),
    myLiveGames: (_p, _a, ctx) => myLiveGames(ctx.db, requireTeacher(ctx)),
    liveLobby: (_p, { pin }, ctx) => lobbyInfo(ctx.db, pin, ctx.ip, ctx.now()),
    livePlayer: (_p, { token }, ctx) => playerView(ctx.db, token, ctx.now(), runtimeOf(ctx)),
    liveReport: (_p, { id }, ctx) => liveReport(ctx.db, id, requireTeacher(ctx)),
    // The same lookup as liveReport: another's game, an unknown or malformed id read as NOT_FOUND.
    exportLiveResults: (_p, { gameId, format }, ctx) =>
      exportLiveResults({ db: ctx.db, gameId, host: requireTeacher(ctx), format, now: ctx.now() }),
  },
  Mutation: {
    createLiveGame: (_p, { input }, ctx) =>
      createLiveGame({ db: ctx.db, host: requireTeacher(ctx), input, now: ctx.now() }),
    liveCommand: (_p, { gameId, command, seq }, ctx) =>
      hostCommand({
        db: ctx.db,
        runtime: runtimeOf(ctx),
        gameId,
        host: requireTeacher(ctx),
        now: ctx.now(),
        command,
        seq,
      }),
    kickLivePlayer: (_p, { gameId, playerId }, ctx) =>
      kickPlayer({
        db: ctx.db,
        runtime: runtimeOf(ctx),
        gameId,
        playerId,
        host: requireTeacher(ctx),
        now: ctx.now(),
      }),
    joinLiveGame: (_p, { pin, nickname }, ctx) =>
      joinGame({
        db: ctx.db,
        runtime: runtimeOf(ctx),
        pin,
        nickname,
        viewer: ctx.viewer,
        ip: ctx.ip,
        now: ctx.now(),
      }),
    submitLiveAnswer: (_p, { token, questionIndex, response }, ctx) =>
      submitAnswer({
        db: ctx.db,
        runtime: runtimeOf(ctx),
        token,
        questionIndex,
        response: toResponse(response),
        now: ctx.now(),
      }),
  },
  Subscription: {
    livePlayerEvents: {
      subscribe: (_p, { token }, ctx) => subscribePlayer(ctx.db, runtimeOf(ctx), token, ctx.now()),
      resolve: (view: PlayerView) => view,
    },
    liveHostEvents: {
      subscribe: (_p, { gameId }, ctx) => {
        const host = requireTeacher(ctx);
        const { sessionId } = ctx;
        return subscribeHost(ctx.db, runtimeOf(ctx), gameId, host, ctx.now, async () =>
          sessionId ? sessionIsLive({ db: ctx.db, sessionId, now: ctx.now() }) : false,
        );
      },
      resolve: (view: HostView) => view,
    },
  },
};
