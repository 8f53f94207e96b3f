import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { limitErrors } from './limits';

/**
 * Why a string cannot be stored or compared as text: PostgreSQL refuses NUL in text, and a lone
 * UTF-16 surrogate has no UTF-8 form (the driver would silently turn it into U+FFFD).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const textProblem = (value: string): string | null => {
  if (value.includes('\u0000')) {
    return 'contains a NUL character (U+0000)';
  }
  if (LONE_SURROGATE.test(value)) {
    return 'contains invalid Unicode (a lone surrogate)';
  }
  return null;
};

const badText = (where: string, problem: string) =>
  new GraphQLError(`${where} ${problem}, which is not allowed in text`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });

const MAX_WALK_DEPTH = 64;

/** The first bad string in a JSON value (keys included), with its path. */
const findInValue = (
  value: unknown,
  path: string,
  depth = 0,
): { path: string; problem: string } | null => {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (typeof value !== 'object' || value === null || depth > MAX_WALK_DEPTH) {
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findInValue(value[i], `${path}.${i}`, depth + 1);
      if (found) {
        return found;
      }
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const keyProblem = textProblem(key);
    if (keyProblem) {
      return { path: `${path} (a key)`, problem: keyProblem };
    }
    const found = findInValue(inner, `${path}.${key}`, depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
};

/**
 * Refuses, before anything runs, a document whose string literals or variables hold text that
 * cannot be stored: a BAD_USER_INPUT naming where, instead of a database error deep inside a
 * resolver (a 500 with a logged stack).
 */
export const assertWellFormedText = (
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): void => {
  let error: GraphQLError | null = null;
  visit(document, {
    [Kind.STRING](node) {
      const problem = textProblem(node.value);
      if (problem) {
        error = badText('A string in the query', problem);
        return false;
      }
      return undefined;
    },
  });
  if (error) {
    throw error;
  }
  for (const [name, value] of Object.entries(variables ?? {})) {
    const nameProblem = textProblem(name);
    if (nameProblem) {
      throw badText('A variable name', nameProblem);
    }
    const found = findInValue(value, name);
    if (found) {
      const [variable, ...rest] = found.path.split('.');
      throw badText(
        `Variable "$${variable}"${rest.length ? ` at "${rest.join('.')}"` : ''}`,
        found.problem,
      );
    }
  }
};

/** The longest list in a JSON value, with its path (depth bounded like findInValue). */
const longestList = (
  value: unknown,
  path: string,
  depth = 0,
): { path: string; length: number } | null => {
  if (typeof value !== 'object' || value === null || depth > MAX_WALK_DEPTH) {
    return null;
  }
  let longest: { path: string; length: number } | null = Array.isArray(value)
    ? { path, length: value.length }
    : null;
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'object' && inner !== null) {
      const found = longestList(inner, `${path}.${key}`, depth + 1);
      if (found && (!longest || found.length > longest.length)) {
        longest = found;
      }
    }
  }
  return longest;
};

/**
 * Refuses, before variables are coerced or anything runs, a list argument or variable longer
 * than `max` items (QUERY_TOO_COMPLEX, limit `inputItems`), naming where.
 */
export const assertInputListSizes = (
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  max: number,
): void => {
  let found: { length: number; where: string } | null = null;
  visit(document, {
    [Kind.LIST](node) {
      if (!found && node.values.length > max) {
        found = { length: node.values.length, where: 'a list in the query' };
      }
    },
  });
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (found) {
      break;
    }
    const list = longestList(value, name);
    if (list && list.length > max) {
      const [variable, ...rest] = list.path.split('.');
      found = {
        length: list.length,
        where: `variable "$${variable}"${rest.length ? ` at "${rest.join('.')}"` : ''}`,
      };
    }
  }
  if (found) {
    const { length, where } = found as { length: number; where: string };
    throw limitErrors.inputItems(length, max, where);
  }
};
