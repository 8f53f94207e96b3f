import pg from 'pg';

/**
 * Counts the SQL statements the pg driver sends (Prisma's adapter uses it), including BEGIN and
 * COMMIT, for the databases at `urls`. The patch is on the driver's Client prototype, which the
 * adapter's pooled clients share.
 */
export const countSql = (urls: string[]) => {
  const databases = urls.map((url) => new URL(url).pathname.slice(1));
  const log: string[] = [];
  let active = false;
  const proto = pg.Client.prototype as unknown as {
    query: (...args: unknown[]) => unknown;
    connectionParameters?: { database?: string };
  };
  const original = proto.query;
  proto.query = function (
    this: { connectionParameters?: { database?: string } },
    ...args: unknown[]
  ) {
    const [config] = args;
    const text = typeof config === 'string' ? config : (config as { text?: string })?.text;
    if (active && text && databases.includes(this.connectionParameters?.database ?? '')) {
      log.push(text.replace(/\s+/g, ' ').trim());
    }
    return original.apply(this, args);
  };
  return {
    /** Runs `fn` and returns the statements it sent. */
    during: async (fn: () => Promise<unknown>): Promise<string[]> => {
      log.length = 0;
      active = true;
      try {
        await fn();
      } finally {
        active = false;
      }
      return [...log];
    },
    restore: () => {
      proto.query = original;
    },
  };
};
