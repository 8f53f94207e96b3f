import { createPrismaClient } from '@quiz/prisma';
import { EnvError } from '@quiz/prisma/parse-env';
import { createApolloServer, getExecutableSchema } from './app';
import { loadEnv } from './env';
import { createHttpServer } from './http';
import { monitorLoop } from './lib/loop-monitor';
import { createAdmission } from './limits/admission';
import { stopLiveRuntime } from './modules/live/service';
import { warmUp } from './warm-up';
import { attachWebSocket } from './ws';

// 1. Read the environment once (one clear line and exit 1 if it is wrong).
// 2. Start Apollo and the HTTP server; a port in use is reported with the variable to change.
// 3. On SIGTERM/SIGINT stop accepting connections, let in-flight requests finish, then exit.
const main = async () => {
  const env = loadEnv();
  const db = createPrismaClient({
    url: env.DATABASE_URL,
    poolSize: env.DB_POOL_SIZE,
    connectionTimeoutMs: env.DB_POOL_TIMEOUT_MS,
  });
  const apollo = createApolloServer({ env });
  await apollo.start();
  // Prisma's query compiler (0.5–0.8 s on its first query), each query shape and V8's cold code
  // are paid here, before the port opens, not by a new process's first requests.
  await warmUp(apollo, db, env);
  // One count of work in progress for both transports: a socket is not a second share.
  const admission = createAdmission(env);
  const server = createHttpServer({ apollo, db, env, admission });
  server.keepAliveTimeout = 5_000;
  // Live games: graphql-ws on the same server and path (an Upgrade request goes to it).
  const sockets = attachWebSocket({ server, schema: getExecutableSchema(), db, env, admission });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new EnvError(
            `Port ${env.API_PORT} (API) is already in use. Stop whatever uses it or set API_PORT to another port.`,
          ),
        );
      } else {
        reject(error);
      }
    });
    server.listen(env.API_PORT, env.API_HOST, resolve);
  });
  console.log(`API ready at http://localhost:${env.API_PORT}/graphql (pid ${process.pid})`);
  // How much the event loop was held while serving: logged at shutdown (lib/loop-monitor.ts).
  const loop = monitorLoop();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`API: ${loop.stop()}`);
    console.log(`API: ${signal} received, finishing in-flight requests`);
    // Stop accepting; idle keep-alive connections close now and whenever they fall idle, busy
    // ones after their response (http.ts answers with `connection: close` from now on); after
    // 10 s whatever is left is cut.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Live players reconnect to another process (their seats are in the database).
    await sockets.close();
    await stopLiveRuntime(db);
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => server.closeAllConnections(), 10_000);
    await closed;
    clearInterval(idle);
    clearTimeout(deadline);
    await apollo.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
};

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? `Error: ${error.message}` : error);
  process.exit(1);
});
