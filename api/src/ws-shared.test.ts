import { type DocumentNode, type ExecutionArgs, execute, parse } from 'graphql';
import { getExecutableSchema } from './app';
import { jitExecute } from './schema/jit-executor';
import { sharedEventExecutor } from './ws-shared';

const schema = getExecutableSchema();

/** The web app's document (web/src/features/live/queries.ts), fragments and all. */
const WEB = parse(`
  subscription LivePlayerEvents($token: String!, $withPin: Boolean!) {
    livePlayerEvents(token: $token) { ...View }
  }
  fragment View on LivePlayerView {
    game { ...State }
    me { id nickname score rank kicked }
    myAnswer { questionIndex isCorrect points }
  }
  fragment State on LiveGameState {
    id phase seq questionIndex playerCount pin @include(if: $withPin)
    leaderboard { rank nickname score correctCount team }
  }
`);

const game = {
  id: 'g1',
  pin: '123456',
  phase: 'REVEAL',
  seq: 7,
  questionIndex: 2,
  playerCount: 3,
  leaderboard: [{ rank: 1, nickname: 'Ava', score: 900, correctCount: 1, team: null }],
};
const seat = (id: string, score: number) => ({
  id,
  nickname: `P ${id}`,
  score,
  rank: score > 0 ? 1 : 2,
  kicked: false,
});
const events = [
  { game, me: seat('a', 900), myAnswer: { questionIndex: 2, isCorrect: true, points: 900 } },
  { game, me: seat('b', 0), myAnswer: null },
  { game, me: seat('c', 0), myAnswer: { questionIndex: 2, isCorrect: false, points: 0 } },
];

const argsOf = (document: DocumentNode, variables: Record<string, unknown>): ExecutionArgs => ({
  schema,
  document,
  variableValues: variables,
  contextValue: {},
});

/** An executor that records which documents it ran. */
const recording = () => {
  const ran: DocumentNode[] = [];
  const jit = jitExecute({ compileAfter: 0 });
  const run = (args: ExecutionArgs) => {
    ran.push(args.document);
    return jit(args);
  };
  return { ran, run };
};

describe('a subscription event whose game part is shared', () => {
  it('answers each subscriber exactly as a whole execution, running the game part once', async () => {
    const { ran, run } = recording();
    const onEvent = sharedEventExecutor({ livePlayerEvents: 'game' }, run);
    for (const [i, event] of events.entries()) {
      const args = argsOf(WEB, { token: `t${i}`, withPin: true });
      const ours = await onEvent(args, event);
      const whole = await execute({ ...args, rootValue: event });
      expect(whole.errors).toBeUndefined();
      // Same data, same key order (the serialised message is what a phone receives).
      expect(JSON.stringify(ours)).toBe(JSON.stringify({ data: whole.data }));
    }
    const documents = new Set(ran);
    expect(documents.has(WEB)).toBe(false);
    // One shared document run once, one per-player document run per subscriber.
    const counts = [...documents].map((d) => ran.filter((r) => r === d).length).sort();
    expect(counts).toEqual([1, 3]);
  });

  it('runs the game part again for another value of a variable it reads, or a new game object', async () => {
    const { ran, run } = recording();
    const onEvent = sharedEventExecutor({ livePlayerEvents: 'game' }, run);
    const [first, second] = events;
    const withPin = await onEvent(argsOf(WEB, { token: 'a', withPin: true }), first);
    const without = await onEvent(argsOf(WEB, { token: 'b', withPin: false }), second);
    // As a phone receives them (serialised): the pin only where it was asked for.
    const pinOf = (result: unknown) =>
      JSON.parse(JSON.stringify(result)).data.livePlayerEvents.game.pin;
    expect(pinOf(withPin)).toBe('123456');
    expect(pinOf(without)).toBeUndefined();
    const whole = await execute({
      ...argsOf(WEB, { token: 'b', withPin: false }),
      rootValue: second,
    });
    expect(JSON.stringify(without)).toBe(JSON.stringify({ data: whole.data }));
    await onEvent(argsOf(WEB, { token: 'c', withPin: true }), { ...second, game: { ...game } });
    // Three shared runs (two variable values, then a new game object) and three per-player runs.
    expect(ran.length).toBe(6);
  });

  it('runs the whole document when the split cannot be exact', async () => {
    const { ran, run } = recording();
    const onEvent = sharedEventExecutor({ livePlayerEvents: 'game' }, run);
    // A directive at the level where the document would be split.
    const document = parse(`
      subscription ($token: String!, $x: Boolean!) {
        livePlayerEvents(token: $token) { ... @include(if: $x) { game { seq } } me { id } }
      }`);
    const args = argsOf(document, { token: 't', x: true });
    const ours = await onEvent(args, events[0]);
    expect(ours).toEqual({ data: { livePlayerEvents: { game: { seq: 7 }, me: { id: 'a' } } } });
    expect(ran).toEqual([document]);
  });
});
