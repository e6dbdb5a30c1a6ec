import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import { db, dialect } from './client';

// The statements Prisma's query API cannot express. Each answers the same on SQLite and PostgreSQL;
// where the two databases need different SQL, the branch is here and nowhere else.

/**
 * Records a call of `endpoint` at `at` unless `limit` calls were recorded since `since`, as one
 * atomic step across every process that shares the database. True when the call was recorded.
 */
export async function recordCallWithinLimit(endpoint: string, at: Date, since: Date, limit: number): Promise<boolean> {
  if (dialect === 'sqlite') {
    // SQLite has one writer at a time, so the count and the insert cannot interleave with another's.
    const inserted = await db.$executeRaw`
      INSERT INTO "ApiCall" ("endpoint", "at")
      SELECT ${endpoint}, ${at}
      WHERE (SELECT COUNT(*) FROM "ApiCall" WHERE "endpoint" = ${endpoint} AND "at" > ${since}) < ${limit}`;
    return inserted > 0;
  }
  // PostgreSQL runs writers side by side (READ COMMITTED): two counts could both see limit - 1. A
  // transaction-scoped advisory lock per endpoint makes them take turns; it is freed at commit.
  const [, inserted] = await db.$transaction([
    db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`apicall:${endpoint}`}))`,
    db.$executeRaw`
      INSERT INTO "ApiCall" ("endpoint", "at")
      SELECT ${endpoint}, ${at}::timestamp(3)
      WHERE (SELECT COUNT(*) FROM "ApiCall" WHERE "endpoint" = ${endpoint} AND "at" > ${since}::timestamp(3)) < ${limit}`,
  ]);
  return inserted > 0;
}

/** Takes the named lease if it is free, expired or already `holder`'s (one atomic upsert). */
export async function upsertLease(key: string, holder: string, now: Date, until: Date): Promise<boolean> {
  const changed = await db.$executeRaw`
    INSERT INTO "Lease" ("key", "holder", "expiresAt") VALUES (${key}, ${holder}, ${until})
    ON CONFLICT ("key") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt"
    WHERE "Lease"."expiresAt" < ${now} OR "Lease"."holder" = excluded."holder"`;
  return changed > 0;
}

/** Inserts a webhook id unless it is already there (inside the caller's transaction). True when it is new. */
export async function insertWebhookOnce(tx: Pick<typeof db, '$executeRaw'>, id: string, event: string, at: Date): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "WebhookEvent" ("id", "event", "receivedAt") VALUES (${id}, ${event}, ${at})
    ON CONFLICT ("id") DO NOTHING`;
  return inserted > 0;
}

type Raw = Pick<typeof db, '$executeRaw'>;
/** A table or column name: the caller's constant, never input. */
const name = (s: string) => {
  if (!/^\w+$/.test(s)) throw new Error(`not a name: ${s}`);
  return Prisma.raw(`"${s}"`);
};

/**
 * Adds `counts` to the row of `table` whose primary key is `key` (the row is created at `counts`
 * when missing), in one statement, so concurrent writers from every instance add up. The same SQL
 * on SQLite (3.24+) and PostgreSQL.
 */
export async function addCounts(tx: Raw, table: string, key: Record<string, string>, counts: Record<string, number>): Promise<void> {
  const keys = Object.keys(key);
  const fields = Object.keys(counts);
  await tx.$executeRaw`
    INSERT INTO ${name(table)} (${Prisma.join([...keys, ...fields].map(name))})
    VALUES (${Prisma.join([...Object.values(key), ...Object.values(counts)])})
    ON CONFLICT (${Prisma.join(keys.map(name))}) DO UPDATE SET ${Prisma.join(
      fields.map((f) => Prisma.sql`${name(f)} = ${name(table)}.${name(f)} + excluded.${name(f)}`),
    )}`;
}

/** Inserts the rows that are not there yet (by primary key) and says how many were new. */
export async function insertNew(tx: Raw, table: string, columns: string[], rows: Array<Array<string | Date>>): Promise<number> {
  if (!rows.length) return 0;
  return tx.$executeRaw`
    INSERT INTO ${name(table)} (${Prisma.join(columns.map(name))})
    VALUES ${Prisma.join(rows.map((r) => Prisma.sql`(${Prisma.join(r)})`))}
    ON CONFLICT DO NOTHING`;
}

/** One round trip to the database: the readiness probe. */
export async function ping(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
