import type { NextConfig } from 'next';

// The browser talks to the web origin only; /graphql is proxied to the API so the session
// cookie stays first-party and no CORS is needed.
const apiUrl = process.env.API_URL ?? 'http://localhost:4000';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async rewrites() {
    return [{ source: '/graphql', destination: `${apiUrl}/graphql` }];
  },
};

export default config;
