import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const parse = (value: unknown): Date => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    // Already parsed (the JIT executor receives variables coerced once by graphql-js); a JSON
    // request can only ever carry strings.
    return value;
  }
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value as string)) {
    throw new GraphQLError('DateTime must be an ISO-8601 instant', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
};

/** ISO-8601 instants in UTC ("2026-11-25T14:35:09.000Z") both ways. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) {
      throw new TypeError('DateTime cannot represent an invalid date');
    }
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : null),
});
