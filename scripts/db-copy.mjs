// `npm run db:copy -- --to postgres://… [--from file:./data/showreel.db]`: moves a Showreel from its
// SQLite file to an empty PostgreSQL database (migrated first), in one transaction, and prints what
// it copied. Tokens stay encrypted as they are: start the Postgres instances with the same
// TOKEN_ENCRYPTION_KEY and SESSION_SECRET (in sandbox mode: the same data folder, SHOWREEL_DATA_DIR)
// and every creator is still signed in. Leases and the last minute's TikTok calls are not copied:
// they only matter while a process runs.

import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databasePath } from '../lib/platform/config/defaults.mjs';
import { settings } from '../lib/platform/config/index.mjs';
import { pgPoolConfig, providerOf, redactUrl } from '../lib/platform/db/database-url.mjs';
import { migrate } from '../prisma/migrate.mjs';

// Parents before children, so foreign keys hold at every insert.
// The picture copies and the insights rollups go too; outboxes, leases, counters and the day's
// visitor hashes only matter while a process runs.
const TABLES = [
  'User',
  'TikTokConnection',
  'Video',
  'Showcase',
  'ShowcaseItem',
  'OAuthHandoff',
  'QrSession',
  'WebhookEvent',
  'Image',
  'InsightsDay',
  'InsightsVideo',
  'InsightsSource',
];
const BATCH = 500;

/** @param {string} name */
function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`[db:copy] ${message}`);
  process.exit(1);
}

/**
 * SQLite keeps DateTime as epoch milliseconds and Boolean as 0/1; Postgres wants its own types.
 * @param {unknown} value @param {string} type the column's Postgres data_type
 */
function convert(value, type) {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return Boolean(value);
  if (type.startsWith('timestamp')) {
    const date = typeof value === 'number' || typeof value === 'bigint' ? new Date(Number(value)) : new Date(/** @type {string} */ (value));
    // Prisma stores UTC in `timestamp without time zone`: pass the UTC wall time, no offset.
    return date.toISOString().replace('Z', '');
  }
  return value;
}

async function main() {
  const from = arg('--from') ?? settings().DATABASE_URL;
  const to = arg('--to');
  if (!to || providerOf(to) !== 'postgresql') fail('usage: npm run db:copy -- --to postgres://user:pass@host:5432/db [--from file:./data/showreel.db]');
  if (providerOf(from) !== 'sqlite') fail(`--from must be a SQLite file: URL (got ${redactUrl(from)})`);
  const file = databasePath(from);
  if (!existsSync(file)) fail(`no SQLite database at ${file}`);

  await migrate(from); // an older file is brought up to the current schema first
  await migrate(to);
  const sqlite = new Database(file, { readonly: true });
  const client = new pg.Client(pgPoolConfig(to));
  await client.connect();
  try {
    for (const table of TABLES) {
      const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM "${table}"`);
      if (rows[0].n > 0) fail(`${redactUrl(to)} is not empty ("${table}" has ${rows[0].n} rows); copy only into an empty database`);
    }
    /** @type {Record<string, number>} */
    const counts = {};
    await client.query('BEGIN');
    for (const table of TABLES) {
      /** @type {{ rows: Array<{ name: string, type: string }> }} */
      const { rows: cols } = await client.query(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      const names = cols.map((c) => c.name);
      const source = /** @type {Array<Record<string, unknown>>} */ (sqlite.prepare(`SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM "${table}"`).all());
      for (let i = 0; i < source.length; i += BATCH) {
        const chunk = source.slice(i, i + BATCH);
        /** @type {unknown[]} */
        const values = [];
        const tuples = chunk.map((row) => {
          const placeholders = cols.map((c) => {
            values.push(convert(row[c.name], c.type));
            return `$${values.length}`;
          });
          return `(${placeholders.join(', ')})`;
        });
        await client.query(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
      }
      counts[table] = source.length;
    }
    await client.query('COMMIT');
    console.log(`[db:copy] copied ${file} into ${redactUrl(to)}:`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(18)} ${n}`);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    sqlite.close();
    await client.end();
  }
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
