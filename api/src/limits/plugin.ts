import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import { measureCost } from './cost';
import { nextTurn } from './guard';
import { LIMITS, limitErrors } from './limits';
import { assertInputListSizes, assertWellFormedText } from './text';

/**
 * The limits that need the resolved operation and its variables, checked before it executes:
 * the length of input lists (before graphql coerces them), text that cannot be stored, then the
 * estimated cost (variables and argument defaults included), then this process's and this
 * client's share of work in progress. After execution, a request its guard stopped (time,
 * response items) is answered with that one error and no partial data.
 */
export const limitsPlugin = (schema: GraphQLSchema): ApolloServerPlugin<Context> => ({
  requestDidStart: async () => ({
    // Parsing, validation and the cost estimate each start in a turn of the event loop with
    // budget left (guard.ts, nextTurn), so many documents arriving together do not hold it.
    parsingDidStart: async () => {
      await nextTurn();
    },
    validationDidStart: async () => {
      await nextTurn();
    },
    didResolveOperation: async ({ document, request, operation, contextValue }) => {
      await nextTurn();
      assertInputListSizes(document, request.variables, LIMITS.maxInputItems);
      assertWellFormedText(document, request.variables);
      const cost = measureCost({
        schema,
        document,
        operationName: operation?.name?.value,
        variables: request.variables,
      });
      if (cost !== null && cost > LIMITS.maxCost) {
        throw limitErrors.cost(cost, LIMITS.maxCost);
      }
      const refused = contextValue.charge(cost ?? 0);
      if (refused) {
        throw refused;
      }
    },
    willSendResponse: async ({ contextValue, response }) => {
      const stopped = contextValue?.guard?.stopped;
      if (!stopped || response.body.kind !== 'single') {
        return;
      }
      response.body.singleResult = { errors: [stopped.toFormatted()] };
      response.http.status = stopped.status;
      if (stopped.retryAfter) {
        response.http.headers.set('retry-after', String(stopped.retryAfter));
      }
    },
  }),
});
