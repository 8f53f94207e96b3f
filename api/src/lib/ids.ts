const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether an id can name a row of a UUID column. Anything else is simply "not found": passing it
 * on to PostgreSQL would fail the cast and surface as an internal error.
 */
export const isUuid = (id: string): boolean => UUID.test(id);
