import { buildSchema, getNamedType, parse, validate } from 'graphql';
import { typeDefs } from '../../schema';
import { OneSessionMutationRule, SESSION_MUTATIONS } from './one-session-mutation';

const schema = buildSchema(typeDefs);

const errorsOf = (query: string) =>
  validate(schema, parse(query), [OneSessionMutationRule]).map((error) => error.message);

describe('OneSessionMutationRule', () => {
  it('lists every mutation that signs in or creates an account', () => {
    const mutation = schema.getMutationType();
    const sessionTypes = new Set(['AuthPayload', 'SignUpPayload']);
    const creating = Object.values(mutation?.getFields() ?? {})
      .filter((field) => sessionTypes.has(getNamedType(field.type).name))
      .map((field) => field.name)
      .sort();
    expect(creating).toEqual([...SESSION_MUTATIONS].sort());
  });

  it.each([
    'mutation { a: signIn(input: { email: "a", password: "b" }) { errors { code } } b: signIn(input: { email: "a", password: "c" }) { errors { code } } }',
    'mutation { ...A ...A } fragment A on Mutation { signIn(input: { email: "a", password: "b" }) { errors { code } } }',
    'mutation { ... on Mutation { signIn(input: { email: "a", password: "b" }) { errors { code } } } joinAsGuest(nickname: "x") { errors { code } } }',
    'mutation { signIn(input: { email: "a", password: "b" }) { errors { code } } signOut }',
  ])('refuses %s', (query) => {
    expect(errorsOf(query)).toEqual([expect.stringMatching(/must be the only field/)]);
  });

  // 2^39 spreads of the bottom fragment: walking each (as this rule once did) never finishes;
  // at 22 levels it held the event loop for 15 s.
  it.each([
    ['signIn(input: { email: "a", password: "b" }) { errors { code } }', 1],
    ['signOut', 0],
  ])('counts a fragment bomb over %s once per fragment', (bottom, refusals) => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Mutation { ${bottom} }`
        : `fragment F${i} on Mutation { ...F${i + 1} ...F${i + 1} }`,
    );
    const errors = errorsOf(`mutation { ...F0 } ${fragments.join(' ')}`);
    expect(errors).toHaveLength(refusals);
    if (refusals) {
      expect(errors[0]).toMatch(/selects 549755813888 of them among 549755813888 fields/);
    }
  });

  it.each([
    'mutation { __typename signIn(input: { email: "a", password: "b" }) { errors { code } } }',
    'mutation A { signIn(input: { email: "a", password: "b" }) { errors { code } } } mutation B { signUp(input: { email: "a", password: "b", displayName: "c" }) { accepted } }',
    'mutation { signOut signOutEverywhere }',
    '{ viewer { email } }',
  ])('allows %s', (query) => {
    expect(errorsOf(query)).toEqual([]);
  });
});
