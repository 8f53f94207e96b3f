import net from 'node:net';
import { StartupError } from './errors';

/** Resolves when nothing listens on `port`; otherwise throws a StartupError naming the port and how to change it. */
export const assertPortFree = async (port: number, what: string, envVar: string): Promise<void> => {
  const inUse = await new Promise<boolean>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        resolve(true);
      } else {
        reject(error);
      }
    });
    server.once('listening', () => server.close(() => resolve(false)));
    server.listen(port, '0.0.0.0');
  });
  if (inUse) {
    throw new StartupError(
      `Port ${port} (${what}) is already in use. Stop whatever uses it or set ${envVar} to another port.`,
    );
  }
};

/** Asks the OS for a free TCP port on loopback. */
export const findFreePort = async (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
