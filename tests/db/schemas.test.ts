import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Prisma 7 fixes the provider per schema, so PostgreSQL has a schema of its own. Its models must be
// the SQLite schema's, line for line: both generated clients then answer the same typed API.
const models = (file: string) => {
  const text = readFileSync(file, 'utf8');
  return text.slice(text.indexOf('\nmodel ')).trim();
};

describe('the two Prisma schemas', () => {
  it('declare the same models, fields and indexes', () => {
    const sqlite = models('prisma/schema.prisma');
    expect(sqlite).toMatch(/^model User \{/);
    expect(models('prisma/postgres/schema.prisma')).toBe(sqlite);
  });

  it('differ only in provider and client output', () => {
    expect(readFileSync('prisma/schema.prisma', 'utf8')).toMatch(/provider = "sqlite"/);
    expect(readFileSync('prisma/postgres/schema.prisma', 'utf8')).toMatch(/provider = "postgresql"/);
    expect(readFileSync('prisma/postgres/migrations/migration_lock.toml', 'utf8')).toMatch(/provider = "postgresql"/);
  });
});
