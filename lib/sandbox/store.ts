import 'server-only';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { env } from '../platform/config/env';

// The sandbox's own state (codes, tokens, QR sessions, faults, call counts), in a SQLite file of
// its own in the data folder (never in the app's database): it shares nothing with the app, and
// every process on this machine sees the same TikTok.

type Kind = 'code' | 'access' | 'refresh' | 'qr' | 'fault' | 'settings' | 'account' | 'short';

const g = globalThis as unknown as { sandboxDb?: Database.Database };

function open(): Database.Database {
  if (g.sandboxDb) return g.sandboxDb;
  const file = join(env().dataDir, 'tiktok-sandbox.db');
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.exec(`CREATE TABLE IF NOT EXISTS kv (kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, key));
           CREATE TABLE IF NOT EXISTS counters (endpoint TEXT PRIMARY KEY, n INTEGER NOT NULL);
           CREATE TABLE IF NOT EXISTS calls (endpoint TEXT NOT NULL, at INTEGER NOT NULL);
           CREATE INDEX IF NOT EXISTS calls_endpoint_at ON calls (endpoint, at)`);
  g.sandboxDb = db;
  return db;
}

export function get<T>(kind: Kind, key: string): T | null {
  const row = open().prepare('SELECT value FROM kv WHERE kind = ? AND key = ?').get(kind, key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function put(kind: Kind, key: string, value: unknown): void {
  open()
    .prepare('INSERT INTO kv (kind, key, value) VALUES (?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value')
    .run(kind, key, JSON.stringify(value));
}

export function remove(kind: Kind, key?: string): void {
  if (key === undefined) open().prepare('DELETE FROM kv WHERE kind = ?').run(kind);
  else open().prepare('DELETE FROM kv WHERE kind = ? AND key = ?').run(kind, key);
}

export function count(kind: Kind): number {
  return (open().prepare('SELECT COUNT(*) AS n FROM kv WHERE kind = ?').get(kind) as { n: number }).n;
}

export function all<T>(kind: Kind): Array<{ key: string; value: T }> {
  const rows = open().prepare('SELECT key, value FROM kv WHERE kind = ?').all(kind) as Array<{ key: string; value: string }>;
  return rows.map((r) => ({ key: r.key, value: JSON.parse(r.value) as T }));
}

/** Read-modify-write in one IMMEDIATE transaction, so single-use codes stay single-use across processes. */
export function update<T, R>(kind: Kind, key: string, fn: (current: T | null) => { value?: T | null; result: R }): R {
  const db = open();
  const tx = db.transaction(() => {
    const { value, result } = fn(get<T>(kind, key));
    if (value === null) remove(kind, key);
    else if (value !== undefined) put(kind, key, value);
    return result;
  });
  return tx.immediate();
}

export function bump(endpoint: string): void {
  open().prepare('INSERT INTO counters (endpoint, n) VALUES (?, 1) ON CONFLICT (endpoint) DO UPDATE SET n = n + 1').run(endpoint);
  // Per-account counts carry an "@"; the rate is TikTok's per endpoint.
  if (!endpoint.includes('@')) open().prepare('INSERT INTO calls (endpoint, at) VALUES (?, ?)').run(endpoint, Date.now());
}

/** The most calls each endpoint received within any 60 seconds since the counters were reset. */
export function peakPerMinute(): Record<string, number> {
  const rows = open()
    .prepare(
      `SELECT a.endpoint AS endpoint, MAX((SELECT COUNT(*) FROM calls b WHERE b.endpoint = a.endpoint AND b.at > a.at - 60000 AND b.at <= a.at)) AS n
       FROM calls a GROUP BY a.endpoint`,
    )
    .all() as Array<{ endpoint: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.endpoint, r.n]));
}

export function counters(): Record<string, number> {
  const rows = open().prepare('SELECT endpoint, n FROM counters').all() as Array<{ endpoint: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.endpoint, r.n]));
}

export function resetCounters(): void {
  open().exec('DELETE FROM counters; DELETE FROM calls');
}
