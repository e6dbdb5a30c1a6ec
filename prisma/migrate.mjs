// Applies the migrations of the database DATABASE_URL names (prisma/migrations for SQLite,
// prisma/postgres/migrations for PostgreSQL), with bookkeeping in Prisma's own `_prisma_migrations`
// table, so `prisma migrate deploy` on a machine with the engine sees them as applied. Used by
// `npm run dev`, `npm start`, `npm run worker`, `npm run db:copy` and the tests; Prisma's engine
// cannot be fetched here.

import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databasePath } from '../lib/platform/config/defaults.mjs';
import { pgPoolConfig, providerOf } from '../lib/platform/db/database-url.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIRS = { sqlite: join(HERE, 'migrations'), postgresql: join(HERE, 'postgres', 'migrations') };

// Prisma's own definitions of its bookkeeping table, per database.
const BOOKKEEPING = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`,
};

/**
 * The migrations of one provider, in order, with the sha256 Prisma records as their checksum.
 * @param {'sqlite' | 'postgresql'} provider
 * @returns {Array<{ name: string, sql: string, checksum: string }>}
 */
export function migrationsOf(provider) {
  const dir = MIGRATIONS_DIRS[provider];
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return names.map((name) => {
    const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
    return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

/**
 * The migrations up to and including `through` (all of them without it): a test builds a database
 * as an earlier release left it, then lets the current one migrate it.
 * @template {{ name: string }} M @param {M[]} all @param {string} [through] @returns {M[]}
 */
const upTo = (all, through) => (through ? all.filter((m) => m.name <= through) : all);

/** @param {string} name */
const changedError = (name) => new Error(`Migration ${name} was changed after it was applied`);

/** @param {string} file @param {string} [through] @returns {string[]} the newly applied migration names */
function migrateSqlite(file, through) {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 10000');
    sqlite.exec(BOOKKEEPING.sqlite);
    const applied = [];
    for (const { name, sql, checksum } of upTo(migrationsOf('sqlite'), through)) {
      // IMMEDIATE: two processes starting together must not both apply the same migration.
      const run = sqlite.transaction(() => {
        const row = /** @type {{ checksum: string } | undefined} */ (
          sqlite.prepare('SELECT checksum FROM _prisma_migrations WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL').get(name)
        );
        if (row) {
          if (row.checksum !== checksum) throw changedError(name);
          return false;
        }
        sqlite.exec(sql);
        sqlite
          .prepare(
            `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES (?, ?, ?, ?, ?, 1)`,
          )
          .run(randomUUID(), checksum, Date.now(), name, Date.now());
        return true;
      });
      if (run.immediate()) applied.push(name);
    }
    return applied;
  } finally {
    sqlite.close();
  }
}

// Any fixed number: instances starting together queue on it instead of applying a migration twice.
const MIGRATION_LOCK = 72_657_301;

/** @param {string} url @param {string} [through] @returns {Promise<string[]>} the newly applied migration names */
async function migratePostgres(url, through) {
  const client = new pg.Client(pgPoolConfig(url));
  await client.connect();
  try {
    // A session lock on this one connection (not a pool), held until every migration is in.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(BOOKKEEPING.postgresql);
    const applied = [];
    for (const { name, sql, checksum } of upTo(migrationsOf('postgresql'), through)) {
      const { rows } = await client.query(
        'SELECT checksum FROM _prisma_migrations WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL',
        [name],
      );
      if (rows.length) {
        if (rows[0].checksum !== checksum) throw changedError(name);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      applied.push(name);
    }
    return applied;
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations to the database `url` names (`file:…` or `postgres://…`), all of them
 * or those up to `through` (by name).
 * @param {string} url @param {{ through?: string }} [opts] @returns {Promise<string[]>} the newly applied migration names
 */
export async function migrate(url, opts = {}) {
  return providerOf(url) === 'postgresql' ? migratePostgres(url, opts.through) : migrateSqlite(databasePath(url), opts.through);
}
