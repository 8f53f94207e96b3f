import DataLoader from 'dataloader';
import { buildSchema, type GraphQLObjectType, graphql } from 'graphql';
import { afterPendingYields, guardSchema, RequestGuard } from './guard';

/** Busy-waits: a row whose fields take long enough that the guard yields partway down the list. */
const spin = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // burn
  }
};

const run = async (batchScheduleFn: (dispatch: () => void) => void) => {
  const batches: string[][] = [];
  const names = new DataLoader<string, string>(
    async (keys) => {
      batches.push([...keys]);
      return keys.map((k) => k.toUpperCase());
    },
    { batchScheduleFn },
  );
  const schema = buildSchema('type Row { id: ID! name: String! } type Query { rows: [Row!]! }');
  const field = (type: string, name: string) => {
    const found = (schema.getType(type) as GraphQLObjectType).getFields()[name];
    if (!found) {
      throw new Error(`no field ${type}.${name}`);
    }
    return found;
  };
  field('Query', 'rows').resolve = () => ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }));
  field('Row', 'name').resolve = ({ id }) => {
    spin(4);
    return names.load(id);
  };
  guardSchema(schema);
  const result = await graphql({
    schema,
    source: '{ rows { name } }',
    contextValue: { guard: new RequestGuard({ timeoutMs: 10_000, maxItems: 1_000 }) },
  });
  expect(result.errors).toBeUndefined();
  return batches;
};

describe('loader batches and the guard’s yields', () => {
  it('one batch for a list whose later rows resumed after a yield', async () => {
    // 6 rows × 4 ms passes the 10 ms yield stretch partway: later rows resume from a macrotask.
    expect(await run(afterPendingYields)).toEqual([['a', 'b', 'c', 'd', 'e', 'f']]);
  });

  it('a plain setImmediate dispatch splits the same batch (what the rule prevents)', async () => {
    const batches = await run((dispatch) => setImmediate(dispatch));
    expect(batches.length).toBeGreaterThan(1);
  });
});
