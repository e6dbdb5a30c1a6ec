// Reads DATABASE_URL, in plain JS so the start-up scripts (migrations, db:copy) and the app agree:
// `file:…` is SQLite, `postgres://…` / `postgresql://…` is PostgreSQL with its pool settings.

/** @param {string} url @returns {'sqlite' | 'postgresql'} */
export function providerOf(url) {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
}

const POOL_PARAMS = ['connection_limit', 'pool_timeout', 'statement_timeout', 'query_timeout', 'sslmode'];

/**
 * node-postgres pool settings from a postgres:// URL. Showreel's own query parameters are taken off
 * the URL (the rest, e.g. `application_name`, reach the server as they are):
 * - `connection_limit` pool size per process (default 10; keep it small on serverless),
 * - `pool_timeout` seconds to wait for a free connection (default 10),
 * - `statement_timeout` milliseconds before the server cancels a statement (default 30000),
 * - `query_timeout` milliseconds before this process stops waiting for a query's answer (default
 *   10000): a database that hangs (frozen, a cut network) then costs a request this long, answered
 *   503, instead of holding it for as long as the hang lasts; the server's own statement_timeout
 *   cannot help when the server does not answer,
 * - `sslmode` `disable` | `require` (TLS, certificate checked against the system's CAs) |
 *   `verify-full` (same as require) | `no-verify` (TLS without checking the certificate).
 * @param {string} url
 * @returns {import('pg').PoolConfig}
 */
export function pgPoolConfig(url) {
  const u = new URL(url);
  /** @param {string} name */
  const param = (name) => u.searchParams.get(name);
  /** @param {string} name @param {number} fallback */
  const number = (name, fallback) => {
    const raw = param(name);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`DATABASE_URL: ${name} must be a positive whole number`);
    return n;
  };
  const sslmode = param('sslmode') ?? 'disable';
  if (!['disable', 'require', 'verify-full', 'no-verify'].includes(sslmode)) {
    throw new Error('DATABASE_URL: sslmode must be disable, require, verify-full or no-verify');
  }
  const config = {
    max: number('connection_limit', 10),
    connectionTimeoutMillis: number('pool_timeout', 10) * 1000,
    statement_timeout: number('statement_timeout', 30_000),
    query_timeout: number('query_timeout', 10_000),
    ssl: sslmode === 'disable' ? false : { rejectUnauthorized: sslmode !== 'no-verify' },
    // Idle connections are closed after 30 s, so a quiet instance holds few server slots.
    idleTimeoutMillis: 30_000,
  };
  for (const name of POOL_PARAMS) u.searchParams.delete(name);
  return { connectionString: u.toString(), ...config };
}

/** Query parameters libpq and node-postgres read a secret from (`?password=` works like the userinfo's). */
const SECRET_PARAMS = ['password', 'sslpassword', 'sslkey', 'sslcert', 'sslrootcert'];

/** The URL without its password (in the userinfo or the query), for log lines. @param {string} url */
export function redactUrl(url) {
  if (providerOf(url) === 'sqlite') return url;
  let u;
  try {
    u = new URL(url);
  } catch {
    return 'postgres://(unparseable URL)';
  }
  if (u.password) u.password = '***';
  for (const name of [...u.searchParams.keys()]) if (SECRET_PARAMS.includes(name.toLowerCase())) u.searchParams.set(name, '***');
  return u.toString();
}
