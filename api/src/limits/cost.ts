import type { DocumentNode, GraphQLSchema } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { LIMITS, limitErrors } from './limits';

type Args = Record<string, unknown>;
/** How many items a list field returns: a fixed bound, or one read from its arguments. */
type Size = number | ((args: Args) => number);

/** The largest page any paginated field serves (lib/cursor.ts refuses more, events allow 200). */
const PAGE_MAX = 200;

/**
 * A page size as the resolver will use it: the argument after variables and schema defaults
 * (graphql-query-complexity applies both), an explicit null read as the largest page. Sizes over
 * the largest page count as that page: the resolver refuses them (BAD_USER_INPUT, naming its range).
 */
const page =
  (read: (args: Args) => unknown): Size =>
  (args) => {
    const value = read(args);
    return typeof value === 'number' && Number.isFinite(value)
      ? Math.min(PAGE_MAX, Math.max(1, Math.trunc(value)))
      : PAGE_MAX;
  };
const first = page((args) => args.first);
const inputFirst = page((args) => (args.input as Args | undefined)?.first);
const inputCount = page((args) => (args.input as Args | undefined)?.count);

/**
 * The multiplier of every list field and every paginated field. A field with a page argument
 * multiplies its whole selection (a connection's `totalCount` and `pageInfo` are counted once per
 * node: a small overestimate that keeps the rule simple); its `nodes` then count 1.
 *
 * - Knowledge-base lists (public, anonymous): the largest count in the committed knowledge base,
 *   rounded up (cost.test.ts fails when the KB outgrows one). `Actor.relations` is the one the
 *   attack in issue 12 nested: Iran has 62.
 * - Lists capped by validation (options, set items, practice counts): the cap.
 * - Lists of teacher-written content with high caps (citations per rationale, up to 30): the
 *   largest count in the generated bank, rounded up, since the cap times the nesting would refuse
 *   the web's own attempt review. A teacher who writes above it is still bounded at run time by
 *   the response ceilings (guard.ts).
 */
export const LIST_SIZES: Readonly<Record<string, Size>> = {
  // Knowledge base (measured: see cost.test.ts).
  'Query.actors': 120,
  'Query.eras': 8,
  'Query.themes': 16,
  'Query.sources': 6,
  'Query.quotes': 32,
  'Query.figures': 20,
  'Actor.aliases': 8,
  'Actor.offices': 4,
  'Actor.relations': 64,
  'Actor.events': first,
  'Office.attested': 4,
  'Office.citations': 4,
  'Event.participants': 12,
  'Event.citations': 12,
  'Event.disputes': 4,
  'Event.themes': 4,
  'Relation.citations': 6,
  'Source.citations': 128,
  // Pages.
  'Query.events': first,
  'Query.bankQuestions': first,
  'Query.myAttempts': first,
  'Query.publishedSets': first,
  'Query.leaderboard': inputFirst,
  'EventConnection.nodes': 1,
  'BankQuestionConnection.nodes': 1,
  'Leaderboard.entries': 1,
  'BankQuestionConnection.countsByType': 13,
  // Bank facets: at most one value per type, era, theme, actor, source, band, status.
  'BankFacets.types': 13,
  'BankFacets.eras': 8,
  'BankFacets.themes': 16,
  'BankFacets.actors': 120,
  'BankFacets.sources': 6,
  'BankFacets.difficulties': 3,
  'BankFacets.statuses': 5,
  'Query.similarQuestions': first,
  // Questions (validation caps: 6 options/items/targets, 12 rationales).
  'QuestionPrompt.options': 6,
  'QuestionPrompt.items': 6,
  'QuestionPrompt.targets': 6,
  'AnswerKey.optionIds': 6,
  'AnswerKey.order': 6,
  'AnswerKey.pairs': 6,
  'ResponseValue.optionIds': 6,
  'ResponseValue.order': 6,
  'ResponseValue.pairs': 6,
  // Teacher-written content: the generated bank's largest counts, rounded up (see above).
  'AnswerKey.rationales': 6,
  'AnswerKey.answers': 20,
  'AnswerKey.rejects': 20,
  'Rationale.citations': 16,
  'BankQuestion.citations': 28,
  'AnswerResult.citations': 28,
  // Ids into the per-response passage tables (issue 15: each passage sent once per response).
  'Rationale.citationIds': 16,
  'AnswerResult.citationIds': 28,
  'AnswerResult.passages': 28,
  // An attempt's table holds each passage of its locked results once: at most the KB's passages
  // (319 on 5 Dec), rounded up.
  'Attempt.citations': 320,
  'BankQuestion.actors': 20,
  'BankQuestion.themes': 10,
  'BankQuestion.eras': 8,
  'GenerateQuestionsPayload.questions': 1,
  'Mutation.generateQuestions': inputCount,
  // Sets and attempts (a set holds at most 100 questions; practice and review draw at most 30).
  'Attempt.questions': 100,
  'QuestionSet.items': 100,
  'SetAnalytics.questions': 100,
  'QuestionStat.options': 6,
  'QuestionStat.flags': 6,
  // Student anomaly flags (one kind today, RAPID_ANSWERS; room for a few).
  'StudentResult.flags': 4,
  // A teacher's own classes, sets and students: assumed sizes, bounded at run time.
  'Query.myClasses': 20,
  'Query.mySets': 50,
  'Viewer.classes': 20,
  'Query.myTeacherInvitations': 50,
  'Class.members': 60,
  'SetAnalytics.students': 100,
  // Interop (modules/interop): an import holds at most 200 questions (IMPORT_MAX_QUESTIONS).
  'ExportFile.notes': 256,
  'ImportQuestionsPayload.preview': 200,
  'ImportQuestionsPayload.problems': 200,
  'ImportQuestionsPayload.notes': 50,
  'ImportQuestionsPayload.questions': 200,
  'ImportPreview.notes': 6,
  // Teachers' corrections and analytics.
  'QuestionSet.retiredItems': 100,
  // At most one clue per ordered pair of a set's items; in practice a handful.
  'QuestionSet.clues': 100,
  // One per pair of items sharing a fact or passage, cut at 100 like clues.
  'QuestionSet.overlaps': 100,
  'QuestionStat.findings': 12,
  'SetAnalytics.minimumAnswers': 6,
  'SetAnalytics.scoreDistribution': 10,
  'StudentResult.answers': 100,
  // Live games: the views are bounded by the server (top 5, newest 200 seats, 10 teams); a
  // report lists at most this many players (the CSV field carries every one of them).
  'LiveGameState.leaderboard': 5,
  'LiveGameState.teams': 10,
  'LiveHostView.players': 200,
  'LiveKey.answers': 20,
  'LiveKey.optionIds': 6,
  'LiveKey.order': 6,
  'LiveKey.pairs': 6,
  'LiveReveal.citations': 28,
  'LiveReveal.distribution': 6,
  'LiveReport.questions': 100,
  'LiveReport.players': 500,
  'LiveReportPlayer.results': 100,
  'Query.myLiveGames': 50,
  // Payload errors: one per input field at most.
  'AuthPayload.errors': 8,
  'ClassPayload.errors': 4,
  'QuestionPayload.errors': 40,
  'QuestionSetPayload.errors': 8,
  'SignUpPayload.errors': 8,
  'TeacherInvitationPayload.errors': 2,
};

/** Introspection lists (types, fields, arguments …): only outside production. */
const INTROSPECTION_LIST_SIZE = 50;

const sizeOf = (key: string, args: Args): number => {
  const size = LIST_SIZES[key];
  if (size === undefined) {
    // cost.test.ts checks that every list and paginated field of the schema is in the table.
    return key.startsWith('__') ? INTROSPECTION_LIST_SIZE : 1;
  }
  return typeof size === 'number' ? size : size(args);
};

/**
 * The cost of a field: the values it adds to the response. A scalar is 1; an object is 1 plus
 * its selection; a list multiplies that by its size (LIST_SIZES), so nested lists multiply.
 * Aliases and repeated fields count each time, and fragments count each time they are spread.
 */
const resultValues: ComplexityEstimator = ({ type, field, args, childComplexity }) =>
  sizeOf(`${type.name}.${field.name}`, args) * (1 + childComplexity);

/**
 * The estimated number of values the operation can put in its response, with its variables and
 * the schema's argument defaults. Throws a LimitError when the document expands past
 * LIMITS.maxNodes selections; returns null when the variables do not fit the operation (execution
 * refuses those with BAD_USER_INPUT, so there is nothing to measure).
 */
export const measureCost = ({
  schema,
  document,
  operationName,
  variables,
}: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string;
  variables?: Record<string, unknown>;
}): number | null => {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName,
      variables: variables ?? {},
      estimators: [resultValues],
      maxQueryNodes: LIMITS.maxNodes,
    });
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
      throw limitErrors.nodes(LIMITS.maxNodes);
    }
    return null;
  }
};
