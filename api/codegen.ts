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
        mappers: {},
      },
    },
  },
  hooks: {},
};

export default config;
