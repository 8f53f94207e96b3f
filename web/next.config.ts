import path from 'node:path';
import type { NextConfig } from 'next';

// /graphql is served by the route handler in src/app/graphql/route.ts, which reads API_URL at
// request time (a rewrite would bake it in at build time). Security headers and the CSP are set
// per request in src/proxy.ts.
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The password rule is TypeScript source shared with the API.
  transpilePackages: ['@quiz/password-rule'],
  turbopack: {
    rules: {
      // Each page bundles only the GraphQL documents it uses (see the loader's comment).
      'queries.ts': {
        loaders: [path.join(__dirname, 'scripts', 'graphql-documents-loader.cjs')],
        as: '*.ts',
      },
    },
  },
};

export default config;
