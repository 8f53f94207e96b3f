/**
 * The documents the web app sends, read from its generated module (web/src/gql/graphql.ts, the
 * same text the web's documents loader puts in the bundle), so the bench measures the real
 * queries: fragments included, no operationName in the body, as gqlRequest sends them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const GENERATED = path.resolve(__dirname, '..', '..', '..', 'web', 'src', 'gql', 'graphql.ts');
const DOCUMENT =
  /export const (\w+) = (?:\/\*#__PURE__\*\/ )?new TypedDocumentString\(`([\s\S]*?)`(?:, \{[^)]*\})?\) as unknown as/g;

export type WebDocuments = {
  attempt: string;
  answerQuestion: string;
  finishAttempt: string;
  leaderboard: string;
};

export const loadWebDocuments = (): WebDocuments => {
  if (!existsSync(GENERATED)) {
    throw new Error(`${GENERATED} is missing: run \`pnpm generate\` first`);
  }
  const text = readFileSync(GENERATED, 'utf8');
  const found = new Map([...text.matchAll(DOCUMENT)].map((m) => [m[1], m[2]]));
  const get = (name: string): string => {
    const document = found.get(name);
    if (!document) {
      throw new Error(`No ${name} in ${GENERATED}`);
    }
    return document;
  };
  return {
    attempt: get('AttemptDocument'),
    answerQuestion: get('AnswerQuestionDocument'),
    finishAttempt: get('FinishAttemptDocument'),
    leaderboard: get('LeaderboardDocument'),
  };
};
