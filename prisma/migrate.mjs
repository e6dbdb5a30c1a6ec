// Applies prisma/migrations/*/migration.sql to a SQLite file, with bookkeeping in Prisma's own
// `_prisma_migrations` table, so `prisma migrate deploy` on a machine with the engine sees them as
// applied. Used by `npm run dev`, `npm start` and the tests; Prisma's engine cannot be fetched here.
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** @param {string} file absolute path of the SQLite database @returns {string[]} newly applied names */
export function migrate(file) {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 10000');
    sqlite.exec(BOOKKEEPING);
    const names = existsSync(MIGRATIONS_DIR)
      ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
      : [];
    const applied = [];
    for (const name of names) {
      const sql = readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      // IMMEDIATE: two processes starting together must not both apply the same migration.
      const run = sqlite.transaction(() => {
        const row = sqlite
          .prepare('SELECT checksum FROM _prisma_migrations WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL')
          .get(name);
        if (row) {
          if (row.checksum !== checksum) throw new Error(`Migration ${name} was changed after it was applied`);
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
