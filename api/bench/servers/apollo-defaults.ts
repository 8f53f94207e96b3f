/** Peer: Apollo Server 5 with its defaults (cache-control plugin on) + straightforward Prisma. */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { exitOnSignal, peerPrisma, ready, serverEnv } from './common';
import { type PeerContext, peerContext, peerSchema } from './peer-schema';

const main = async () => {
  const { port } = serverEnv();
  const prisma = peerPrisma();
  const server = new ApolloServer<PeerContext>({ schema: peerSchema() });
  await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: ({ req }) => peerContext(prisma, req.headers.cookie),
  });
  ready('apollo-defaults', port);
  exitOnSignal(async () => {
    await server.stop();
    await prisma.$disconnect();
  });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
