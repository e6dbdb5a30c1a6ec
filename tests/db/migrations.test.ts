import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '@/prisma/migrate.mjs';

type Field = { model: string; name: string; type: string; optional: boolean; unique: boolean };

const SQL_TYPE: Record<string, string> = { String: 'TEXT', Int: 'INTEGER', Boolean: 'BOOLEAN', DateTime: 'DATETIME' };

/** The scalar fields of every model in schema.prisma (relation fields are not columns). */
function schemaFields(): { models: string[]; fields: Field[]; uniques: Array<{ model: string; columns: string[] }> } {
  const text = readFileSync('prisma/schema.prisma', 'utf8');
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
      if (list || !SQL_TYPE[type]) continue;
      fields.push({ model, name, type, optional: Boolean(optional), unique: /@unique\b/.test(rest) });
      if (/@unique\b/.test(rest)) uniques.push({ model, columns: [name] });
    }
  }
  return { models, fields, uniques };
}

describe('migrations', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'showreel-mig-')), 'db.sqlite');
  const applied = migrate(file);
  const sqlite = new Database(file, { readonly: true });

  it('apply every migration once, and are idempotent', () => {
    const dirs = readdirSync('prisma/migrations', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(applied).toEqual(dirs.sort());
    expect(migrate(file)).toEqual([]);
  });

  it("keep Prisma-compatible bookkeeping (checksum = sha256 of migration.sql)", () => {
    const rows = sqlite.prepare('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations').all() as Array<{
      migration_name: string;
      checksum: string;
      finished_at: unknown;
      applied_steps_count: number;
    }>;
    expect(rows.length).toBe(applied.length);
    for (const row of rows) {
      const sql = readFileSync(join('prisma/migrations', row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('produce every model and field of schema.prisma with the right type and nullability', () => {
    const { models, fields } = schemaFields();
    expect(models.length).toBeGreaterThan(5);
    for (const model of models) {
      const columns = sqlite.prepare(`PRAGMA table_info("${model}")`).all() as Array<{ name: string; type: string; notnull: number }>;
      expect(columns.length, `table ${model}`).toBeGreaterThan(0);
      const byName = new Map(columns.map((c) => [c.name, c]));
      const modelFields = fields.filter((f) => f.model === model);
      for (const f of modelFields) {
        const c = byName.get(f.name);
        expect(c, `${model}.${f.name} exists`).toBeDefined();
        expect(c!.type, `${model}.${f.name} type`).toBe(SQL_TYPE[f.type]);
        expect(c!.notnull === 0, `${model}.${f.name} nullability`).toBe(f.optional);
      }
      expect(columns.map((c) => c.name).sort(), `${model} has no extra columns`).toEqual(modelFields.map((f) => f.name).sort());
    }
  });

  it('create the unique indexes the schema declares', () => {
    const { uniques } = schemaFields();
    for (const u of uniques) {
      const indexes = sqlite.prepare(`PRAGMA index_list("${u.model}")`).all() as Array<{ name: string; unique: number }>;
      const match = indexes.some((i) => {
        if (!i.unique) return false;
        const cols = (sqlite.prepare(`PRAGMA index_info("${i.name}")`).all() as Array<{ name: string }>).map((c) => c.name);
        return cols.join(',') === u.columns.join(',');
      });
      expect(match, `${u.model}(${u.columns.join(',')}) is unique`).toBe(true);
    }
  });
});
