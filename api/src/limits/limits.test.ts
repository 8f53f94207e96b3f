import { buildSchema, graphql } from 'graphql';
import { stripSuggestions } from '../errors';
import { Admission, type Ticket } from './admission';
import { guardSchema, RequestGuard } from './guard';
import { LimitError } from './limits';

describe('RequestGuard', () => {
  it('stops at its deadline, and every later check fails with the same error', () => {
    let now = 1_000;
    const guard = new RequestGuard({ timeoutMs: 50, maxItems: 10 }, () => now);
    expect(() => guard.check()).not.toThrow();
    now = 1_051;
    expect(() => guard.check()).toThrow('The request ran longer than the limit of 50 ms');
    now = 1_000;
    expect(() => guard.check()).toThrow(LimitError);
    expect(guard.stopped?.limit).toBe('time');
  });

  it('counts list items and stops past the ceiling', () => {
    const guard = new RequestGuard({ timeoutMs: 1_000, maxItems: 10 });
    expect(guard.count([1, 2, 3, 4, 5, 6])).toHaveLength(6);
    expect(guard.count('not a list')).toBe('not a list');
    expect(() => guard.count([1, 2, 3, 4, 5])).toThrow(
      'The response grew past 10 list items (11 so far)',
    );
    expect(guard.stopped?.code).toBe('RESPONSE_TOO_LARGE');
  });
});

describe('guardSchema', () => {
  it('lets the event loop turn between deferred fields once a turn has spent its budget', async () => {
    const order: string[] = [];
    const spin = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // A resolver that computes for longer than a turn's budget (5 ms).
      }
    };
    const field = (name: string) => () => {
      spin(15);
      order.push(name);
      return [1];
    };
    const schema = guardSchema(buildSchema('type Query { a: [Int] b: [Int] c: [Int] }'));
    const root = { a: field('a'), b: field('b'), c: field('c') };
    const ticks = setInterval(() => order.push('timer'), 0);
    spin(15);
    const result = await graphql({
      schema,
      source: '{ a b c }',
      rootValue: root,
      contextValue: { guard: new RequestGuard({ timeoutMs: 10_000, maxItems: 100 }) },
    });
    clearInterval(ticks);
    expect(result).toEqual({ data: { a: [1], b: [1], c: [1] } });
    // Each 15 ms field gets a turn of its own, and timers (like I/O) run in between. One
    // setImmediate per deferred field ran a, b and c back to back in one check phase.
    const fields = order.filter((entry) => entry !== 'timer');
    expect(fields).toEqual(['a', 'b', 'c']);
    expect(order.indexOf('c') - order.indexOf('a')).toBeGreaterThan(2);
    expect(order.slice(order.indexOf('a'), order.indexOf('c') + 1)).toEqual([
      'a',
      'timer',
      'b',
      'timer',
      'c',
    ]);
  });
});

describe('Admission', () => {
  const admission = () =>
    new Admission({
      maxInFlight: 3,
      maxInFlightPerClient: 2,
      maxCostInFlight: 1_000,
      maxCostInFlightPerClient: 600,
    });
  const ticket = (value: Ticket | LimitError) => {
    if (value instanceof LimitError) {
      throw value;
    }
    return value;
  };

  it('gives each client its share of requests and the process its cap', () => {
    const gate = admission();
    const a1 = ticket(gate.enter('a'));
    ticket(gate.enter('a'));
    expect(gate.enter('a')).toMatchObject({ code: 'RATE_LIMITED', limit: 'clientInFlight' });
    ticket(gate.enter(null));
    expect(gate.enter('b')).toMatchObject({ code: 'SERVICE_UNAVAILABLE', limit: 'inFlight' });
    gate.leave(a1);
    gate.leave(a1);
    expect(gate.load.requests).toBe(2);
    expect(gate.enter('a')).not.toBeInstanceOf(LimitError);
  });

  it('charges estimated cost, always admitting a lone request, and gives it back on leave', () => {
    const gate = admission();
    const a1 = ticket(gate.enter('a'));
    // Alone, even a request over the client's budget runs.
    expect(gate.charge(a1, 700)).toBeNull();
    const a2 = ticket(gate.enter('a'));
    expect(gate.charge(a2, 10)).toMatchObject({ limit: 'clientCostInFlight', status: 429 });
    const b = ticket(gate.enter('b'));
    expect(gate.charge(b, 400)).toMatchObject({ limit: 'costInFlight', status: 503 });
    expect(gate.charge(b, 300)).toBeNull();
    gate.leave(a1);
    expect(gate.load.cost).toBe(300);
    expect(gate.charge(a2, 500)).toBeNull();
  });
});

describe('stripSuggestions', () => {
  it.each([
    [
      'Value "ALL_TIM" does not exist in "LeaderboardWindow" enum. Did you mean the enum value "ALL_TIME"?',
      'Value "ALL_TIM" does not exist in "LeaderboardWindow" enum.',
    ],
    [
      'Cannot query field "leaderbord" on type "Query". Did you mean "leaderboard"?',
      'Cannot query field "leaderbord" on type "Query".',
    ],
    [
      'Field "windo" is not defined by type "LeaderboardInput". [Suggestion hidden]?',
      'Field "windo" is not defined by type "LeaderboardInput".',
    ],
    [
      'Unknown argument "slugg" on field "Query.actor".',
      'Unknown argument "slugg" on field "Query.actor".',
    ],
  ])('%s', (message, stripped) => {
    expect(stripSuggestions(message)).toBe(stripped);
  });
});
