/** Returns `url` pointing at database `name` on the same server. */
export const withDatabase = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

/** The database name in a PostgreSQL URL. */
export const databaseName = (url: string): string =>
  decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
