import { execFileSync } from 'node:child_process';
import path from 'node:path';

// `prisma generate` never runs the schema engine, but the CLI insists on locating (and otherwise
// downloading) its binary. Any existing file satisfies it, which keeps generation offline.
const prismaBin = path.join(__dirname, '..', 'node_modules', '.bin', 'prisma');
execFileSync(prismaBin, ['generate'], {
  cwd: path.join(__dirname, '..'),
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
