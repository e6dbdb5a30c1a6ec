// Plain JS so the start-up scripts (scripts/*.mjs) and the app (./env.ts) share one answer.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/showreel.db';

/**
 * Resolves a `file:` SQLite URL to an absolute path (relative paths are from the project root).
 * @param {string} [url]
 */
export function databasePath(url = DEFAULT_DATABASE_URL) {
  const path = url.replace(/^file:/, '');
  return resolve(/*turbopackIgnore: true*/ process.cwd(), path);
}

/**
 * Where this process keeps local files (generated development secrets, the sandbox's state):
 * `SHOWREEL_DATA_DIR` when set, else the SQLite file's folder, else `./data`.
 * @param {string} [dbUrl] @param {string} [explicit]
 */
export function dataDir(dbUrl = DEFAULT_DATABASE_URL, explicit = undefined) {
  if (explicit) return resolve(/*turbopackIgnore: true*/ process.cwd(), explicit);
  if (dbUrl.startsWith('file:')) return dirname(databasePath(dbUrl));
  return resolve(/*turbopackIgnore: true*/ process.cwd(), 'data');
}

/**
 * Development secrets for sandbox mode: generated once into a gitignored file in the data folder,
 * so sessions survive restarts without anyone configuring anything.
 * @param {string} dir
 * @returns {{ SESSION_SECRET: string, TOKEN_ENCRYPTION_KEY: string }}
 */
export function sandboxSecrets(dir) {
  const file = join(dir, '.secrets.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    mkdirSync(dirname(file), { recursive: true });
    const secrets = {
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    try {
      writeFileSync(file, JSON.stringify(secrets, null, 2), { flag: 'wx', mode: 0o600 });
      return secrets;
    } catch {
      // Another process won the race: use what it wrote.
      return JSON.parse(readFileSync(file, 'utf8'));
    }
  }
}
