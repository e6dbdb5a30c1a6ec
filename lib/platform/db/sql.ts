import 'server-only';
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

/** One round trip to the database: the readiness probe. */
export async function ping(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
