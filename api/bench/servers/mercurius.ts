/** Peer: Fastify 5 + Mercurius 16 with graphql-jit (jit: 1), the straightforward resolvers. */
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { exitOnSignal, peerPrisma, ready, serverEnv } from './common';
import { peerContext, peerSchema } from './peer-schema';

const main = async () => {
  const { port } = serverEnv();
  const prisma = peerPrisma();
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema: peerSchema(),
    context: (request) => peerContext(prisma, request.headers.cookie),
    jit: 1,
    path: '/graphql',
    graphiql: false,
  });
  await app.listen({ port, host: '127.0.0.1' });
  ready('mercurius-jit', port);
  exitOnSignal(async () => {
    await app.close();
    await prisma.$disconnect();
  });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
