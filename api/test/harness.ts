import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import { createTestDatabase, type TestDatabase } from '@quiz/prisma/test-database';
import { createApolloServer, getExecutableSchema } from '../src/app';
import {
  type Context,
  createContext,
  type ResponseBody,
  settleSessionCookie,
} from '../src/context';
import { type ApiEnv, loadEnv } from '../src/env';
import { createHttpServer } from '../src/http';
import { createAdmission } from '../src/limits/admission';
import { attachWebSocket } from '../src/ws';

export type ExecuteOptions = {
  variables?: Record<string, unknown>;
  /** The raw session token (as the cookie would carry it). */
  sessionToken?: string;
  /** The sign-in device id (as its cookie would carry it). */
  deviceToken?: string;
  now?: () => Date;
  ip?: string;
};

export type SingleResult = {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
  context: Context;
};

export type TestApi = {
  database: TestDatabase;
  env: ApiEnv;
  apollo: ApolloServer<Context>;
  /** Runs one operation through Apollo (no HTTP) with a context like a real request's. */
  execute: (query: string, options?: ExecuteOptions) => Promise<SingleResult>;
  /**
   * Starts the real HTTP server on a free port; returns its base URL. With `webSocket`, graphql-ws
   * is attached as server.ts does (one admission for both); `log` receives what it logs.
   */
  listen: (options?: { webSocket?: { log?: (error: unknown) => void } }) => Promise<string>;
  close: () => Promise<void>;
};

/** A fresh database, an Apollo server on it, and helpers to call it (see test/graphql/*). */
export const createTestApi = async (overrides: Record<string, string> = {}): Promise<TestApi> => {
  const database = await createTestDatabase();
  const env = loadEnv({ DATABASE_URL: database.url, NODE_ENV: 'test', ...overrides });
  const apollo = createApolloServer({ env, log: () => {} });
  await apollo.start();
  let httpServer: ReturnType<typeof createHttpServer> | undefined;
  let sockets: ReturnType<typeof attachWebSocket> | undefined;
  return {
    database,
    env,
    apollo,
    execute: async (query, options = {}) => {
      const contextValue = await createContext({
        db: database.db,
        env,
        sessionToken: options.sessionToken,
        deviceToken: options.deviceToken,
        now: options.now,
        ip: options.ip,
      });
      const response = await apollo.executeOperation(
        { query, variables: options.variables },
        { contextValue },
      );
      if (response.body.kind !== 'single') {
        throw new Error('Expected a single result');
      }
      // As the HTTP layer does: a new session's cookie only with a body that reports success.
      await settleSessionCookie(contextValue, response.body.singleResult as ResponseBody);
      return {
        data: response.body.singleResult.data as Record<string, unknown> | null | undefined,
        errors: response.body.singleResult.errors as SingleResult['errors'],
        context: contextValue,
      };
    },
    listen: async ({ webSocket } = {}) => {
      const admission = createAdmission(env);
      httpServer = createHttpServer({ apollo, db: database.db, env, admission });
      if (webSocket) {
        sockets = attachWebSocket({
          server: httpServer,
          schema: getExecutableSchema(),
          db: database.db,
          env,
          admission,
          log: webSocket.log ?? (() => {}),
        });
      }
      await new Promise<void>((resolve) => httpServer?.listen(0, '127.0.0.1', resolve));
      const { port } = httpServer.address() as AddressInfo;
      return `http://127.0.0.1:${port}`;
    },
    close: async () => {
      await sockets?.close();
      if (httpServer) {
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer?.close(() => resolve()));
      }
      await apollo.stop();
      await database.drop();
    },
  };
};
