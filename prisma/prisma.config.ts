import { defineConfig } from 'prisma/config';

// `prisma generate` needs no database; `prisma migrate deploy` (wherever Prisma's engine can be
// downloaded) reads DATABASE_URL from here. Offline, `pnpm db:migrate` applies the same folder.
export default defineConfig({
  schema: 'schema',
  migrations: { path: 'migrations', seed: 'tsx seed/index.ts' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
