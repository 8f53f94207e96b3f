/**
 * graphql-ws on a `ws` server: what graphql-ws/use/ws does, with two changes that matter at
 * thousands of sockets per process (measured in docs/benchmarks.md, "Live game"):
 * - a message is written without waiting for the previous write's callback, and the messages one
 *   turn produces for a socket go out in one write (the socket is corked until the turn's
 *   microtasks are done): an answer's `next` and `complete` were two writev calls, a syscall
 *   each; frames keep their order either way;
 * - one keep-alive sweep for all sockets instead of an interval and a timeout per socket: each
 *   sweep terminates a socket that did not answer the previous sweep's ping and pings the rest,
 *   so a dead peer is dropped 1–2 periods after it went silent (use/ws: 1–2 periods too).
 */
import type http from 'node:http';
import type net from 'node:net';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';

export type SocketExtra = { socket: WebSocket; request: http.IncomingMessage };

const corked = new WeakSet<net.Socket>();

/** Sends `data` now, corking the TCP socket until the current microtasks have run. */
const sendCorked = (socket: WebSocket, data: string) => {
  // `_socket` is ws's own net.Socket (not in its types); without it, send as ws does.
  const raw = (socket as unknown as { _socket?: net.Socket })._socket;
  if (raw && !corked.has(raw)) {
    corked.add(raw);
    raw.cork();
    process.nextTick(() => {
      corked.delete(raw);
      raw.uncork();
    });
  }
  socket.send(data);
};

/**
 * Messages one socket may send: a burst, then a steady rate (a token bucket). A phone sends a
 * handful (its init, a subscription or two, an answer per question); a client sending more is
 * not a phone. Each message is parsed, and a new document is parsed and validated: one socket
 * sending 2,000 unseen documents took 1–2 s of the process's CPU (probe, 6 Dec evening).
 */
export const MESSAGE_BURST = 100;
export const MESSAGES_PER_SECOND = 20;
/** graphql-ws's "too many" close code: its client does not reconnect after it. */
const TOO_MANY_MESSAGES = 4429;

/**
 * A frame the peer got wrong: over `maxPayload`, invalid UTF-8, unmasked, a reserved bit or
 * opcode, too many fragments. `ws` has already closed the socket with the matching code (1009,
 * 1007, 1002); logged as an internal error, each such frame from anyone put a stack trace in the
 * API's log (probe, round 9: one 17 kB message, one stack).
 */
const isPeerFrameError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('WS_ERR_');
};

export const serveGraphqlWs = <P extends Record<string, unknown>>(
  options: ServerOptions<P, SocketExtra>,
  wss: WebSocketServer,
  keepAliveMs = 12_000,
  log: (message: string, error: unknown) => void = console.error,
  clock: () => number = performance.now.bind(performance),
) => {
  const server = makeServer<P, SocketExtra>(options);
  wss.options.handleProtocols = handleProtocols;
  const unanswered = new WeakSet<WebSocket>();
  const sweep = setInterval(() => {
    for (const socket of wss.clients) {
      if (socket.readyState !== socket.OPEN) {
        continue;
      }
      if (unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      unanswered.add(socket);
      socket.ping();
    }
  }, keepAliveMs);
  sweep.unref();
  const internal = (socket: WebSocket) => (error: unknown) => {
    log('live: internal error on a WebSocket', error);
    socket.close(CloseCode.InternalServerError, 'Internal server error');
  };
  wss.once('error', (error) => {
    log('live: internal error on the WebSocket server', error);
    for (const client of wss.clients) {
      client.close(CloseCode.InternalServerError, 'Internal server error');
    }
  });
  wss.on('connection', (socket, request) => {
    socket.once('error', (error) => {
      if (isPeerFrameError(error)) {
        return;
      }
      internal(socket)(error);
    });
    socket.on('pong', () => unanswered.delete(socket));
    const budget = { tokens: MESSAGE_BURST, at: clock() };
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState === socket.OPEN) {
            sendCorked(socket, data);
          }
          return Promise.resolve();
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (callback) =>
          socket.on('message', async (message) => {
            const now = clock();
            budget.tokens = Math.min(
              MESSAGE_BURST,
              budget.tokens + ((now - budget.at) / 1000) * MESSAGES_PER_SECOND,
            );
            budget.at = now;
            if (budget.tokens < 1) {
              if (socket.readyState === socket.OPEN) {
                socket.close(TOO_MANY_MESSAGES, 'Too many messages');
              }
              return;
            }
            budget.tokens -= 1;
            try {
              await callback(String(message));
            } catch (error) {
              internal(socket)(error);
            }
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      void closed(code, String(reason));
    });
  });
  return {
    dispose: async () => {
      clearInterval(sweep);
      for (const client of wss.clients) {
        client.close(1001, 'Going away');
      }
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => {
        wss.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
};
