import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the web app, generated from the API's committed schema: the web package
// knows the API only through this contract. Documents are typed strings (documentMode: 'string'),
// so the browser never needs graphql-js to print them.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        documentMode: 'string',
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
