// A Turbopack (webpack-style) loader for features/*/queries.ts. It replaces each
// graphql(`query Name …`) call with the full text of that document (fragments included) as
// generated in src/gql/graphql.ts, as the codegen client preset's babel/swc plugin does. Without
// it, every page would bundle src/gql/gql.ts's map of all the app's documents; with it, a page
// bundles only the documents of the features it imports, and no codegen runtime at all
// (gqlRequest sends `String(document)`). Types are unchanged: TypeScript still sees graphql().
// Jest runs the untransformed source, where graphql() looks the documents up at run time.
const { readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const CALL = /graphql\(\s*`([\s\S]*?)`\s*,?\s*\)/g;
const IMPORT = /import\s*\{\s*graphql\s*\}\s*from\s*['"]@\/gql['"];?\n?/;
const GENERATED = path.join(__dirname, '..', 'src', 'gql', 'graphql.ts');
const DOCUMENT =
  /export const (\w+) = (?:\/\*#__PURE__\*\/ )?new TypedDocumentString\(`([\s\S]*?)`(?:, \{[^)]*\})?\) as unknown as/g;

let cache = { mtime: 0, documents: new Map() };
const documents = () => {
  const mtime = statSync(GENERATED).mtimeMs;
  if (mtime !== cache.mtime) {
    const text = readFileSync(GENERATED, 'utf8');
    cache = { mtime, documents: new Map([...text.matchAll(DOCUMENT)].map((m) => [m[1], m[2]])) };
  }
  return cache.documents;
};

module.exports = function graphqlDocumentsLoader(source) {
  this.addDependency?.(GENERATED);
  const known = documents();
  let replaced = 0;
  const output = source.replace(CALL, (call, document) => {
    const match = document.match(/^\s*(query|mutation|subscription|fragment)\s+(\w+)/);
    const name =
      match && (match[1] === 'fragment' ? `${match[2]}FragmentDoc` : `${match[2]}Document`);
    const text = name ? known.get(name) : undefined;
    if (text === undefined) {
      throw new Error(
        `graphql-documents-loader: no generated document for ${name ?? 'a call'}; run pnpm generate`,
      );
    }
    replaced += 1;
    return `\`${text}\``;
  });
  return replaced === 0 ? source : output.replace(IMPORT, '');
};
