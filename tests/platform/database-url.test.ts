import { describe, expect, it } from 'vitest';
import { pgPoolConfig, providerOf, redactUrl } from '@/lib/platform/db/database-url.mjs';

describe('DATABASE_URL', () => {
  it('chooses the database by its scheme', () => {
    expect(providerOf('file:./data/showreel.db')).toBe('sqlite');
    expect(providerOf('postgres://u@h/db')).toBe('postgresql');
    expect(providerOf('postgresql://u@h/db')).toBe('postgresql');
  });

  it('takes pool size, waits, statement timeout and TLS from the URL, and passes the rest on', () => {
    const c = pgPoolConfig(
      'postgres://u:p@db.example:5432/app?connection_limit=3&pool_timeout=5&statement_timeout=2000&sslmode=require&application_name=showreel',
    );
    expect(c).toMatchObject({ max: 3, connectionTimeoutMillis: 5000, statement_timeout: 2000, ssl: { rejectUnauthorized: true } });
    expect(c.connectionString).toBe('postgres://u:p@db.example:5432/app?application_name=showreel');
    expect(pgPoolConfig('postgres://u@h/db?sslmode=no-verify').ssl).toEqual({ rejectUnauthorized: false });
    expect(pgPoolConfig('postgres://u@h/db')).toMatchObject({ max: 10, ssl: false, statement_timeout: 30_000 });
    expect(() => pgPoolConfig('postgres://u@h/db?connection_limit=lots')).toThrow(/connection_limit/);
    expect(() => pgPoolConfig('postgres://u@h/db?sslmode=allow')).toThrow(/sslmode/);
  });

  it('takes a client-side query timeout from the URL (10 s by default), so a hanging database cannot hold a request', () => {
    expect(pgPoolConfig('postgres://u@h/db?query_timeout=1500')).toMatchObject({ query_timeout: 1500 });
    expect(pgPoolConfig('postgres://u@h/db?query_timeout=1500').connectionString).toBe('postgres://u@h/db');
    expect(pgPoolConfig('postgres://u@h/db')).toMatchObject({ query_timeout: 10_000 });
    expect(() => pgPoolConfig('postgres://u@h/db?query_timeout=0')).toThrow(/query_timeout/);
  });

  it('never prints a password', () => {
    expect(redactUrl('postgres://u:hunter2@h/db')).toBe('postgres://u:***@h/db');
    expect(redactUrl('file:./data/showreel.db')).toBe('file:./data/showreel.db');
    // libpq reads ?password= like the userinfo's: it is a password too.
    expect(redactUrl('postgres://u@h/db?password=hunter2&application_name=x')).toBe('postgres://u@h/db?password=***&application_name=x');
    expect(redactUrl('postgres://u@h/db?PASSWORD=hunter2')).not.toContain('hunter2');
  });
});
