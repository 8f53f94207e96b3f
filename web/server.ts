// The web app's HTTP server (`npm run up` and the browser tests start it through the launcher):
// Next.js's request handler behind a plain node:http server that stamps X-Forwarded-For with the
// socket address first (src/server/forwarded-for.ts). `next start` cannot: it keeps a client's
// forged header. Usage: node --import tsx web/server.ts [--dev] (WEB_PORT, default 3000).
import http from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import next from 'next';
import { readEnv } from './src/env';
import { stampForwardedFor } from './src/server/forwarded-for';
import { refuseUnreadableRouterState } from './src/server/router-state';
import { proxyWebSocket } from './src/server/ws-proxy';

const dev = process.argv.includes('--dev');

const main = async () => {
  const { WEB_PORT: port, WEB_HOST: hostname } = readEnv();
  const app = next({ dev, dir: path.resolve(__dirname), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // A request must arrive whole within 30 s (headers within 10 s): Node's default of 300 s let a
  // trickling client (slowloris) hold each socket for five minutes. Upgraded sockets are exempt.
  const server = http.createServer(
    { requestTimeout: 30_000, headersTimeout: 10_000, connectionsCheckingInterval: 5_000 },
    (req, res) => {
      stampForwardedFor(req);
      if (refuseUnreadableRouterState(req, res)) {
        return;
      }
      void handle(req, res);
    },
  );
  // Live games' WebSocket goes to the API (ws-proxy.ts). Next.js attaches its own 'upgrade'
  // listener to this server on the first request (for dev reloads) and would close any other
  // upgrade; it is taken off and called only for upgrades that are not ours.
  let nextUpgrade: ((...args: unknown[]) => unknown) | null = null;
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!proxyWebSocket(req, socket, head, readEnv())) {
      if (nextUpgrade) {
        void nextUpgrade(req, socket, head);
      } else {
        socket.destroy();
      }
    }
  };
  server.on('newListener', (event, listener) => {
    if (event === 'upgrade' && listener !== onUpgrade) {
      nextUpgrade = listener as (...args: unknown[]) => unknown;
      setImmediate(() => server.off('upgrade', listener as (...args: unknown[]) => void));
    }
  });
  server.on('upgrade', onUpgrade);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.listen(port, hostname, () => {
    console.log(`Web app ready on http://localhost:${port}`);
  });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
