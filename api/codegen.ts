import type { CodegenConfig } from '@graphql-codegen/cli';

// SDL-first: every module's schema.graphql is merged into the committed api/schema.graphql, and
// resolver types are generated from it. The web package generates its client types from the
// same committed file.
const config: CodegenConfig = {
  schema: ['src/schema/*.graphql', 'src/modules/*/schema.graphql'],
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true, sort: true },
    },
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context#Context',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'Date | string' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
        mapperTypeSuffix: 'Model',
        // Parents are Prisma rows or the domain objects services return (paths are relative to
        // src/generated/).
        mappers: {
          HistoricalDate: '@quiz/prisma/knowledge#DateValue',
          User: '@quiz/prisma#User',
          TeacherInvitation: '@quiz/prisma#TeacherInvitation',
          Viewer: '../modules/accounts/mappers#ViewerParent',
          Class: '@quiz/prisma#Class',
          Source: '@quiz/prisma#Source',
          Citation: '@quiz/prisma#Citation',
          Era: '@quiz/prisma#Era',
          Theme: '@quiz/prisma#Theme',
          Actor: '@quiz/prisma#Actor',
          Office: '@quiz/prisma#Office',
          Event: '@quiz/prisma#Event',
          Relation: '@quiz/prisma#Relation',
          Quote: '@quiz/prisma#Quote',
          Figure: '@quiz/prisma#Figure',
          Participant: '../modules/knowledge/mappers#ParticipantParent',
          Dispute: '../modules/knowledge/mappers#DisputeParent',
          BankQuestion: '@quiz/prisma#Question',
          QuestionPrompt: '../modules/questions/types#QuestionPrompt',
          AnswerKey: '../modules/questions/types#QuestionKey',
          Rationale: '../modules/questions/types#Rationale',
          ResponseValue: '../modules/questions/types#QuestionResponse',
          QuestionSet: '@quiz/prisma#QuestionSet',
          QuestionSetItem: '@quiz/prisma#QuestionSetItem',
          PublishedSet: '@quiz/prisma#QuestionSet',
          Attempt: '@quiz/prisma#Attempt',
          AttemptQuestion: '../modules/attempts/mappers#AttemptQuestionParent',
          AnswerResult: '../modules/attempts/mappers#AnswerResultParent',
          Leaderboard: '../modules/leaderboard/mappers#LeaderboardParent',
          LeaderboardEntry: '../modules/leaderboard/mappers#LeaderboardEntryParent',
          SetAnalytics: '../modules/analytics/mappers#SetAnalyticsParent',
          QuestionStat: '../modules/analytics/mappers#QuestionStatParent',
          OptionStat: '../modules/analytics/mappers#OptionStatParent',
          StudentResult: '../modules/analytics/mappers#StudentResultParent',
          ImportQuestionsPayload: '../modules/interop/service#ImportPayload',
          Retirement: '../modules/question-sets/mappers#RetirementParent',
        },
      },
    },
  },
  hooks: {},
};

export default config;
