import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  type ValidationContext,
} from 'graphql';
import { OneSessionMutationRule } from '../modules/accounts/one-session-mutation';
import { measureCost } from './cost';
import { ExpensiveFieldsOnceRule } from './expensive-fields';
import { LIMITS, type LimitError, limitErrors } from './limits';
import { assertInputListSizes, assertWellFormedText } from './text';

/**
 * The per-operation limits, in one place for both transports: HTTP (Apollo, app.ts and
 * plugin.ts) and graphql-ws (ws.ts). A socket had its own copy of the validation rules and none
 * of the checks below (probe, 6 Dec evening): a 9,000,000-cost document, a NUL in a variable and
 * a 20,000-item list all ran over a socket.
 */

/**
 * Armor's depth, alias and directive rules count; their refusal becomes our LimitError, which
 * names the limit and both numbers (QUERY_TOO_COMPLEX) in every environment: the numbers are in
 * docs/security.md anyway, and a client that cannot tell which limit it hit cannot fix its query.
 */
const armorLimit = (make: (found: number, max: number) => LimitError) => ({
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      const [, max, found] = /limit of (\d+) exceeded, found (\d+)/.exec(error.message) ?? [];
      context?.reportError(make(Number(found), Number(max)));
    },
  ],
});

/** Armor, configured once: its validation rules and its Apollo plugins. */
export const createArmor = () =>
  new ApolloArmor({
    // Fragments are not a level of their own: the web's fragment-heavy documents are measured by
    // the fields they select, and wrapping a field in fragments cannot hide depth either.
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, ...armorLimit(limitErrors.depth) },
    maxAliases: { n: LIMITS.maxAliases, ...armorLimit(limitErrors.aliases) },
    // The token limit is graphql-js's own (parse options): a document over it is a plain 400
    // parse failure, where armor's plugin would throw from a hook and answer 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives, ...armorLimit(limitErrors.directives) },
    // Armor's cost counts only a literal `first:`; ours (cost.ts) reads variables and argument
    // defaults and runs once the operation and its variables are known (checkOperation).
    costLimit: { enabled: false },
    // Suggestions are removed from every error in formatError (armor's mask still said
    // "[Suggestion hidden]", which confirms a near name exists).
    blockFieldSuggestion: { enabled: false },
  }).protect();

/**
 * Validation rules beyond graphql-js's own: armor's limits, one sign-in, sign-up or guest join
 * per request, alone (aliases are not extra guesses), each export, report or import at most once.
 */
export const limitRules = (armor: ReturnType<typeof createArmor>) => [
  ...armor.validationRules,
  OneSessionMutationRule,
  ExpensiveFieldsOnceRule,
];

/**
 * Every validation rule for a transport that validates by itself (ws.ts): graphql-js's, ours, and
 * in production no introspection (Apollo's `introspection: false` adds the same rule over HTTP;
 * a socket answered `__schema` in production, probe of 6 Dec evening).
 */
export const allValidationRules = (
  armor: ReturnType<typeof createArmor>,
  { production }: { production: boolean },
) => [
  ...specifiedRules,
  ...limitRules(armor),
  ...(production ? [NoSchemaIntrospectionCustomRule] : []),
];

/**
 * The limits that need the resolved operation and its variables, checked before it executes:
 * the length of input lists (before graphql coerces them), text that cannot be stored, then the
 * estimated cost (variables and argument defaults included), then this process's and this
 * client's share of work in progress (`charge`). Throws the refusal.
 */
export const checkOperation = ({
  schema,
  document,
  operationName,
  variables,
  charge,
}: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  charge: (cost: number) => LimitError | null;
}): void => {
  const values = variables ?? undefined;
  assertInputListSizes(document, values, LIMITS.maxInputItems);
  assertWellFormedText(document, values);
  const cost = measureCost({
    schema,
    document,
    operationName: operationName ?? undefined,
    variables: values,
  });
  if (cost !== null && cost > LIMITS.maxCost) {
    throw limitErrors.cost(cost, LIMITS.maxCost);
  }
  const refused = charge(cost ?? 0);
  if (refused) {
    throw refused;
  }
};
