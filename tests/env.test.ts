import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

const KEY = Buffer.alloc(32, 1).toString('base64');

describe('configuration', () => {
  it('runs the sandbox with no configuration at all', () => {
    const e = parseEnv({ DATABASE_URL: process.env.DATABASE_URL });
    expect(e.sandbox).toBe(true);
    expect(e.appUrl).toBe('http://localhost:3000');
    expect(e.redirectUri).toBe('http://localhost:3000/api/auth/tiktok/callback');
    expect(e.apiBaseUrl).toBe('http://localhost:3000/sandbox/api');
    expect(e.scopes).toEqual(['user.info.basic', 'user.info.profile', 'video.list']);
    expect(e.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(e.encryptionKey.length).toBe(32);
  });

  it('follows PORT for the default APP_URL', () => {
    expect(parseEnv({ PORT: '4100', DATABASE_URL: process.env.DATABASE_URL }).appUrl).toBe('http://localhost:4100');
  });

  it('uses TikTok with real credentials, and then requires the secrets', () => {
    const base = { TIKTOK_CLIENT_KEY: 'ck', TIKTOK_CLIENT_SECRET: 'cs', APP_URL: 'https://showreel.example' };
    expect(() => parseEnv(base)).toThrow(/SESSION_SECRET: required with real TikTok credentials/);
    const e = parseEnv({ ...base, SESSION_SECRET: 's'.repeat(32), TOKEN_ENCRYPTION_KEY: KEY });
    expect(e.sandbox).toBe(false);
    expect(e.authBaseUrl).toBe('https://www.tiktok.com');
    expect(e.apiBaseUrl).toBe('https://open.tiktokapis.com');
    expect(e.secureCookies).toBe(true);
  });

  it('names the variable in one clear line when a value is malformed', () => {
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow(/^Invalid configuration: SESSION_SECRET: must be at least 32 characters$/);
    expect(() => parseEnv({ TOKEN_ENCRYPTION_KEY: 'abc' })).toThrow(/TOKEN_ENCRYPTION_KEY: must be 32 random bytes/);
    expect(() => parseEnv({ APP_URL: 'not a url' })).toThrow(/APP_URL/);
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => parseEnv({ TIKTOK_CLIENT_KEY: 'ck' })).toThrow(/TIKTOK_CLIENT_SECRET/);
  });

  it('stops `npm run dev` / `npm start` before Next starts: one line on stderr, exit 1, nothing migrated', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'showreel-env-')), 'app.db');
    const run = spawnSync(process.execPath, ['scripts/prepare.mjs'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: `file:${db}`, SESSION_SECRET: 'short' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Invalid configuration: SESSION_SECRET: must be at least 32 characters');
    expect(existsSync(db)).toBe(false);
  });
});
