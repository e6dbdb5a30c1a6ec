import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '@/lib/platform/config/defaults.mjs';
import { migrate, migrationsOf } from '@/prisma/migrate.mjs';
import { TEST_DIALECT } from '../support/databases';

// Runs on the database of this run (SQLite by default, PostgreSQL under `npm run test:services`):
// the migrated database must hold exactly what the schema of that provider declares.

type Field = { model: string; name: string; type: string; optional: boolean };
type Column = { name: string; type: string; nullable: boolean };

const SCHEMA = { sqlite: 'prisma/schema.prisma', postgresql: 'prisma/postgres/schema.prisma' }[TEST_DIALECT];
const SQL_TYPE: Record<string, Record<string, string>> = {
  sqlite: { String: 'TEXT', Int: 'INTEGER', BigInt: 'BIGINT', Boolean: 'BOOLEAN', DateTime: 'DATETIME', Bytes: 'BLOB' },
  postgresql: { String: 'text', Int: 'integer', BigInt: 'bigint', Boolean: 'boolean', DateTime: 'timestamp without time zone', Bytes: 'bytea' },
};

/** The scalar fields of every model in the schema (relation fields are not columns). */
function schemaFields(): { models: string[]; fields: Field[]; uniques: Array<{ model: string; columns: string[] }> } {
  const text = readFileSync(SCHEMA, 'utf8');
  const models: string[] = [];
  const fields: Field[] = [];
  const uniques: Array<{ model: string; columns: string[] }> = [];
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const model = m[1];
    models.push(model);
    for (const line of m[2].split('\n').map((l) => l.trim())) {
      const u = line.match(/^@@unique\(\[([^\]]+)\]\)/);
      if (u) uniques.push({ model, columns: u[1].split(',').map((c) => c.trim()) });
      const f = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/);
      if (!f || line.startsWith('@@')) continue;
      const [, name, type, list, optional, rest] = f;
      if (list || !SQL_TYPE.sqlite[type]) continue;
      fields.push({ model, name, type, optional: Boolean(optional) });
      if (/@unique\b/.test(rest)) uniques.push({ model, columns: [name] });
    }
  }
  return { models, fields, uniques };
}

/** What the migrated database says about itself, the same questions asked of either database. */
type Inspector = {
  bookkeeping(): Promise<Array<{ migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: number }>>;
  columns(table: string): Promise<Column[]>;
  uniqueIndexes(table: string): Promise<string[][]>;
  close(): Promise<void>;
};

function sqliteInspector(url: string): Inspector {
  const sqlite = new Database(databasePath(url), { readonly: true });
  return {
    bookkeeping: async () => sqlite.prepare('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations').all() as never,
    columns: async (table) =>
      (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string; type: string; notnull: number }>).map((c) => ({
        name: c.name,
        type: c.type,
        nullable: c.notnull === 0,
      })),
    uniqueIndexes: async (table) =>
      (sqlite.prepare(`PRAGMA index_list("${table}")`).all() as Array<{ name: string; unique: number }>)
        .filter((i) => i.unique)
        .map((i) => (sqlite.prepare(`PRAGMA index_info("${i.name}")`).all() as Array<{ name: string }>).map((c) => c.name)),
    close: async () => void sqlite.close(),
  };
}

async function postgresInspector(url: string): Promise<Inspector> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    bookkeeping: async () => (await client.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations')).rows,
    columns: async (table) =>
      (
        await client.query(
          `SELECT column_name AS name, data_type AS type, is_nullable = 'YES' AS nullable
           FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
          [table],
        )
      ).rows,
    uniqueIndexes: async (table) =>
      (
        await client.query(
          `SELECT array_agg(a.attname ORDER BY k.ord)::text[] AS cols
           FROM pg_index i
           JOIN pg_class t ON t.oid = i.indrelid
           CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
           WHERE t.relname = $1 AND i.indisunique
           GROUP BY i.indexrelid`,
          [table],
        )
      ).rows.map((r: { cols: string[] }) => r.cols),
    close: () => client.end(),
  };
}

describe(`migrations (${TEST_DIALECT})`, () => {
  const url = process.env.DATABASE_URL!;
  let applied: string[];
  let db: Inspector;
  beforeAll(async () => {
    applied = await migrate(url);
    db = TEST_DIALECT === 'postgresql' ? await postgresInspector(url) : sqliteInspector(url);
  });
  afterAll(() => db.close());

  it('apply every migration once, and are idempotent', async () => {
    expect(applied).toEqual(migrationsOf(TEST_DIALECT).map((m) => m.name));
    expect(applied.length).toBeGreaterThan(0);
    expect(await migrate(url)).toEqual([]);
  });

  it('keep Prisma-compatible bookkeeping (checksum = sha256 of migration.sql)', async () => {
    const rows = await db.bookkeeping();
    const expected = new Map(migrationsOf(TEST_DIALECT).map((m) => [m.name, m.checksum]));
    expect(rows.length).toBe(applied.length);
    for (const row of rows) {
      expect(row.checksum).toBe(expected.get(row.migration_name));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('produce every model and field of the schema with the right type and nullability', async () => {
    const { models, fields } = schemaFields();
    expect(models.length).toBeGreaterThan(5);
    for (const model of models) {
      const columns = await db.columns(model);
      expect(columns.length, `table ${model}`).toBeGreaterThan(0);
      const byName = new Map(columns.map((c) => [c.name, c]));
      const modelFields = fields.filter((f) => f.model === model);
      for (const f of modelFields) {
        const c = byName.get(f.name);
        expect(c, `${model}.${f.name} exists`).toBeDefined();
        expect(c!.type, `${model}.${f.name} type`).toBe(SQL_TYPE[TEST_DIALECT][f.type]);
        expect(c!.nullable, `${model}.${f.name} nullability`).toBe(f.optional);
      }
      expect(columns.map((c) => c.name).sort(), `${model} has no extra columns`).toEqual(modelFields.map((f) => f.name).sort());
    }
  });

  it('create the unique indexes the schema declares', async () => {
    const { uniques } = schemaFields();
    for (const u of uniques) {
      const indexes = await db.uniqueIndexes(u.model);
      expect(
        indexes.map((cols) => cols.join(',')),
        `${u.model}(${u.columns.join(',')}) is unique`,
      ).toContain(u.columns.join(','));
    }
  });
});
