/**
 * The peer baseline for `pnpm bench:live --peer`: a live game the way the open-source clones
 * build it (Razzia, ClassQuiz): Socket.IO, the game in process memory, nothing durable. Same
 * protocol as our bench drives: HTTP join returns a seat token; a socket authenticates with it
 * and gets a snapshot; answers go over the socket and are acknowledged once stored (in memory);
 * the host's commands go over HTTP and every player's socket gets its own view of the change.
 * Deliberately minimal: it exists to be measured against, not to be used.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Server } from 'socket.io';

type Phase = 'LOBBY' | 'QUESTION' | 'REVEAL' | 'LEADERBOARD' | 'PODIUM';
type Seat = { id: string; nickname: string; score: number; correct: number };
type Answer = { choice: string; at: number };

const QUESTIONS = Number(process.env.PEER_QUESTIONS ?? 3);
const LIMIT_MS = 20_000;
const HOST_SECRET = process.env.PEER_HOST_SECRET ?? '';
const game = {
  pin: '123456',
  phase: 'LOBBY' as Phase,
  seq: 0,
  questionIndex: -1,
  openedAt: 0,
  seats: new Map<string, Seat>(), // by token
  names: new Set<string>(),
  answers: [] as Map<string, Answer>[], // per question, by token
  sockets: new Map<string, Set<string>>(), // token → socket ids
};
const RIGHT = 'a';

const readBody = (req: http.IncomingMessage) =>
  new Promise<Record<string, unknown>>((resolve) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(text || '{}'));
      } catch {
        resolve({});
      }
    });
  });

const viewOf = (token: string) => {
  const seat = game.seats.get(token);
  const mine = game.answers[game.questionIndex]?.get(token) ?? null;
  return {
    game: { phase: game.phase, questionIndex: game.questionIndex, seq: game.seq },
    me: seat ? { score: seat.score, correctCount: seat.correct } : null,
    myAnswer: mine,
  };
};

const send = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const server = http.createServer(async (req, res) => {
  const body = await readBody(req);
  if (req.url === '/join' && req.method === 'POST') {
    const nickname = String(body.nickname ?? '');
    if (body.pin !== game.pin || !nickname || game.names.has(nickname.toLowerCase())) {
      send(res, 409, { error: 'cannot join' });
      return;
    }
    const token = randomBytes(24).toString('base64url');
    game.names.add(nickname.toLowerCase());
    game.seats.set(token, { id: String(game.seats.size), nickname, score: 0, correct: 0 });
    send(res, 200, { token });
    return;
  }
  if (req.url === '/host' && req.method === 'POST' && body.secret === HOST_SECRET) {
    command(String(body.command));
    send(res, 200, { seq: game.seq });
    return;
  }
  if (req.url === '/answers' && req.method === 'POST' && body.secret === HOST_SECRET) {
    const stored: string[] = [];
    game.answers.forEach((answers, q) => {
      for (const token of answers.keys()) {
        stored.push(`${token}|${q}`);
      }
    });
    send(res, 200, { stored });
    return;
  }
  send(res, 404, { error: 'not found' });
});

const io = new Server(server, { path: '/ws', serveClient: false, transports: ['websocket'] });

/** Pushes every player their own view (as Razzia's game:status with the player's result). */
const broadcast = () => {
  for (const [token, ids] of game.sockets) {
    const view = viewOf(token);
    for (const id of ids) {
      io.sockets.sockets.get(id)?.emit('game:status', view);
    }
  }
};

const command = (name: string) => {
  if (name === 'START' || (name === 'NEXT' && game.phase === 'LEADERBOARD')) {
    game.questionIndex += 1;
    game.answers[game.questionIndex] = new Map();
    game.phase = 'QUESTION';
    game.openedAt = Date.now();
  } else if (name === 'REVEAL' && game.phase === 'QUESTION') {
    game.phase = 'REVEAL';
    for (const [token, answer] of game.answers[game.questionIndex] ?? []) {
      const seat = game.seats.get(token);
      if (seat && answer.choice === RIGHT) {
        const t = answer.at - game.openedAt;
        seat.score += t < 500 ? 1000 : Math.round(1000 * (1 - t / LIMIT_MS / 2));
        seat.correct += 1;
      }
    }
  } else if (name === 'NEXT' && game.phase === 'REVEAL') {
    game.phase = game.questionIndex + 1 >= QUESTIONS ? 'PODIUM' : 'LEADERBOARD';
  } else {
    return;
  }
  game.seq += 1;
  broadcast();
};

io.on('connection', (socket) => {
  const token = String(socket.handshake.auth.token ?? '');
  if (!game.seats.has(token)) {
    socket.disconnect(true);
    return;
  }
  const ids = game.sockets.get(token) ?? new Set<string>();
  ids.add(socket.id);
  game.sockets.set(token, ids);
  socket.emit('game:status', viewOf(token));
  socket.on('disconnect', () => ids.delete(socket.id));
  socket.on(
    'answer',
    (
      message: { questionIndex: number; choice: string },
      ack: (result: { accepted: boolean; alreadyRecorded: boolean }) => void,
    ) => {
      const answers = game.answers[message?.questionIndex];
      if (
        typeof ack !== 'function' ||
        game.phase !== 'QUESTION' ||
        message.questionIndex !== game.questionIndex ||
        !answers
      ) {
        ack?.({ accepted: false, alreadyRecorded: false });
        return;
      }
      if (answers.has(token)) {
        ack({ accepted: false, alreadyRecorded: true });
        return;
      }
      answers.set(token, { choice: String(message.choice), at: Date.now() });
      ack({ accepted: true, alreadyRecorded: false });
    },
  );
});

server.listen(Number(process.env.PEER_PORT), '127.0.0.1', () => {
  console.log('PEER ready');
});
