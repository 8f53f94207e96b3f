/**
 * A Date as PostgreSQL `timestamp` text in UTC ("2026-11-25 14:35:09.123"). Prisma stores
 * DateTime as UTC in `timestamp(3)` columns; raw SQL passes times in this form with an explicit
 * `::timestamp(3)` cast, so the session's TimeZone setting can never shift them.
 */
export const pgTimestamp = (date: Date): string =>
  date.toISOString().replace('T', ' ').replace('Z', '');
