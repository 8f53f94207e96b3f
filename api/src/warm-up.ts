import type { ApolloServer } from '@apollo/server';
import type { PrismaClient } from '@quiz/prisma';
import { type Context, createContext } from './context';
import type { ApiEnv } from './env';

/**
 * Public reads of the knowledge base, the shapes most requests (and the hostile corpus) use.
 * Sent twice, so that graphql-jit's compiled path runs too.
 */
const DOCUMENTS = [
  '{ health { ok } }',
  `{ events(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { slug title summary
     era { slug } themes { slug } participants { actor { slug name } }
     citations { id quote source { slug title } } } } }`,
  `{ actors { slug name kind shortName description offices { of { slug } }
     relations { id subject { slug } object { slug } }
     events { totalCount nodes { slug participants { actor { slug } } } } } }`,
  '{ actor(slug: "iran") { relations(at: "1990") { subject { slug } object { slug } } } }',
  '{ sources { slug title citations { id quote source { title } } } }',
  '{ eras { slug } figures { amount citation { quote } } }',
  `{ events(filter: { search: "oil", eras: ["x"], actors: ["iran"], themes: ["y"], from: "1990",
     to: "2000" }) { totalCount } }`,
];

/**
 * Runs the common public documents once through Apollo before the port opens. A new process
 * otherwise compiles each query shape (Prisma's query compiler, graphql-jit) and runs V8's cold
 * code under its first requests: with eight arriving together that held the event loop for
 * 0.5–2 s (the first /health poll of the hostile corpus). It stops at the first failure: with
 * the database away each document would wait for the pool's timeout, and reporting that is
 * /health's job.
 */
export const warmUp = async (apollo: ApolloServer<Context>, db: PrismaClient, env: ApiEnv) => {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    console.warn('API warm-up skipped: the database is not reachable');
    return;
  }
  for (let round = 0; round < 2; round += 1) {
    for (const query of DOCUMENTS) {
      try {
        const contextValue = await createContext({ db, env, ip: 'warm-up' });
        const result = await apollo.executeOperation({ query }, { contextValue });
        const error = result.body.kind === 'single' ? result.body.singleResult.errors?.[0] : null;
        if (error) {
          console.warn(`API warm-up stopped: ${error.message}`);
          return;
        }
      } catch {
        return;
      }
    }
  }
};
