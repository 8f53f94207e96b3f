import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import { nextTurn } from './guard';
import { checkOperation } from './operation';

/**
 * The limits that need the resolved operation and its variables (operation.ts, checkOperation;
 * the WebSocket transport runs the same), checked before it executes. After execution, a request its guard stopped (time,
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
      checkOperation({
        schema,
        document,
        operationName: operation?.name?.value,
        variables: request.variables,
        charge: contextValue.charge,
      });
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
