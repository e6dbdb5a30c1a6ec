import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/platform/config/schema.mjs';

const KEY = Buffer.alloc(32, 1).toString('base64');

describe('configuration', () => {
  it('runs the sandbox with no configuration at all', () => {
    const e = parseConfig({ DATABASE_URL: process.env.DATABASE_URL });
    expect(e.sandbox).toBe(true);
    expect(e.appUrl).toBe('http://localhost:3000');
    expect(e.redirectUri).toBe('http://localhost:3000/api/auth/tiktok/callback');
    expect(e.apiBaseUrl).toBe('http://localhost:3000/sandbox/api');
    expect(e.scopes).toBeUndefined();
    expect(e.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(e.encryptionKey.length).toBe(32);
  });

  it('refuses NATIVE_APP_SCHEMES that a browser would follow or run, or that break the scheme grammar', () => {
    const db = { DATABASE_URL: process.env.DATABASE_URL };
    expect(parseConfig({ ...db, NATIVE_APP_SCHEMES: 'myapp, com.example.app, x-app+1' }).nativeAppSchemes).toEqual(['myapp', 'com.example.app', 'x-app+1']);
    for (const bad of ['http', 'https', 'javascript', 'JavaScript', 'data', 'file']) {
      expect(() => parseConfig({ ...db, NATIVE_APP_SCHEMES: `myapp,${bad}` })).toThrow(`NATIVE_APP_SCHEMES: "${bad}" is a web scheme, not an app's own`);
    }
    for (const bad of ['1app', 'my_app', 'my app', 'app:']) {
      expect(() => parseConfig({ ...db, NATIVE_APP_SCHEMES: bad })).toThrow(/NATIVE_APP_SCHEMES: each scheme must be a URL scheme \(RFC 3986/);
    }
  });

  it('takes extra CDN host names in TIKTOK_CDN_HOSTS, and refuses URLs there', () => {
    const db = { DATABASE_URL: process.env.DATABASE_URL };
    expect(parseConfig({ ...db }).tiktokCdnHosts).toEqual([]);
    expect(parseConfig({ ...db, TIKTOK_CDN_HOSTS: ' p16.NewCdn.example, 127.0.0.1 ,[::1]' }).tiktokCdnHosts).toEqual([
      'p16.newcdn.example',
      '127.0.0.1',
      '[::1]',
    ]);
    for (const bad of ['https://p16.newcdn.example', 'cdn.example:8443', 'cdn.example/path', 'user@cdn.example']) {
      expect(() => parseConfig({ ...db, TIKTOK_CDN_HOSTS: bad })).toThrow(/TIKTOK_CDN_HOSTS: each entry must be a host name/);
    }
  });

  it('follows PORT for the default APP_URL', () => {
    expect(parseConfig({ PORT: '4100', DATABASE_URL: process.env.DATABASE_URL }).appUrl).toBe('http://localhost:4100');
  });

  it('uses TikTok with real credentials, and then requires the secrets', () => {
    const base = { TIKTOK_CLIENT_KEY: 'ck', TIKTOK_CLIENT_SECRET: 'cs', APP_URL: 'https://showreel.example' };
    expect(() => parseConfig(base)).toThrow(/SESSION_SECRET: required with real TikTok credentials/);
    const e = parseConfig({ ...base, SESSION_SECRET: 's'.repeat(32), TOKEN_ENCRYPTION_KEY: KEY });
    expect(e.sandbox).toBe(false);
    expect(e.authBaseUrl).toBe('https://www.tiktok.com');
    expect(e.apiBaseUrl).toBe('https://open.tiktokapis.com');
    expect(e.secureCookies).toBe(true);
  });

  it('names the variable in one clear line when a value is malformed', () => {
    expect(() => parseConfig({ SESSION_SECRET: 'short' })).toThrow(/^Invalid configuration: SESSION_SECRET: must be at least 32 characters$/);
    expect(() => parseConfig({ TOKEN_ENCRYPTION_KEY: 'abc' })).toThrow(/TOKEN_ENCRYPTION_KEY: must be 32 random bytes/);
    expect(() => parseConfig({ APP_URL: 'not a url' })).toThrow(/APP_URL/);
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => parseConfig({ TIKTOK_CLIENT_KEY: 'ck' })).toThrow(/TIKTOK_CLIENT_SECRET/);
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

  it('a migration that fails never prints the database password, from the userinfo or the query', () => {
    // Nothing listens on port 1: the migration fails at once, and says where it tried.
    const run = spawnSync(process.execPath, ['scripts/prepare.mjs'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        SHOWREEL_SANDBOX: '1',
        SHOWREEL_DATA_DIR: mkdtempSync(join(tmpdir(), 'showreel-env-')),
        DATABASE_URL: 'postgres://app:in-the-userinfo@127.0.0.1:1/db?password=in-the-query',
      },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('could not migrate');
    expect(run.stdout + run.stderr).not.toMatch(/in-the-userinfo|in-the-query/);
  });

  describe('start-up refusals outside development (one line each)', () => {
    const creds = { TIKTOK_CLIENT_KEY: 'ck', TIKTOK_CLIENT_SECRET: 'cs', SESSION_SECRET: 's'.repeat(32), TOKEN_ENCRYPTION_KEY: KEY };
    const prod = { NODE_ENV: 'production', DATABASE_URL: process.env.DATABASE_URL };

    it('refuses to serve the sandbox publicly unless SHOWREEL_SANDBOX=1 asks for it', () => {
      expect(() => parseConfig(prod)).toThrow(
        /^Invalid configuration: TIKTOK_CLIENT_KEY: required outside development \(set TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET, or SHOWREEL_SANDBOX=1 to serve the built-in sandbox publicly\)$/,
      );
      expect(parseConfig({ ...prod, SHOWREEL_SANDBOX: '1' }).sandbox).toBe(true);
      expect(parseConfig({ DATABASE_URL: process.env.DATABASE_URL }).sandbox).toBe(true); // development
      expect(() => parseConfig({ ...prod, SHOWREEL_SANDBOX: 'yes' })).toThrow(/^Invalid configuration: SHOWREEL_SANDBOX: /);
    });

    it('refuses SHOWREEL_SANDBOX=1 together with real credentials, and half a pair of credentials', () => {
      expect(() => parseConfig({ ...prod, ...creds, SHOWREEL_SANDBOX: '1' })).toThrow(
        /^Invalid configuration: SHOWREEL_SANDBOX: cannot be 1 with real TikTok credentials/,
      );
      expect(() => parseConfig({ ...prod, SHOWREEL_SANDBOX: '1', TIKTOK_CLIENT_KEY: 'ck' })).toThrow(
        /^Invalid configuration: TIKTOK_CLIENT_SECRET: required when TIKTOK_CLIENT_KEY is set$/,
      );
      expect(() => parseConfig({ ...prod, SHOWREEL_SANDBOX: '1', TIKTOK_CLIENT_SECRET: 'cs' })).toThrow(
        /^Invalid configuration: TIKTOK_CLIENT_KEY: required when TIKTOK_CLIENT_SECRET is set$/,
      );
    });

    it('with real credentials, requires https for TikTok hosts and APP_URL except on loopback', () => {
      for (const name of ['TIKTOK_AUTH_BASE_URL', 'TIKTOK_API_BASE_URL', 'APP_URL']) {
        expect(() => parseConfig({ ...prod, ...creds, [name]: 'http://tiktok.example' })).toThrow(
          new RegExp(`^Invalid configuration: ${name}: must be https:// with real TikTok credentials \\(http is allowed for localhost only\\)$`),
        );
        for (const host of ['localhost:4000', '127.0.0.1:4000', '[::1]:4000']) {
          expect(parseConfig({ ...prod, ...creds, [name]: `http://${host}` }).sandbox).toBe(false);
        }
        expect(parseConfig({ ...prod, ...creds, [name]: 'https://tiktok.example' }).sandbox).toBe(false);
      }
    });

    it('takes a SQLite file or a PostgreSQL URL, and a redis:// URL', () => {
      expect(parseConfig({ DATABASE_URL: 'postgres://u@db.example:5432/showreel?sslmode=require' }).databaseUrl).toMatch(/^postgres:/);
      expect(parseConfig({ DATABASE_URL: 'postgresql://u@db.example/showreel' }).databaseUrl).toMatch(/^postgresql:/);
      expect(() => parseConfig({ DATABASE_URL: 'mysql://u@db/showreel' })).toThrow(
        /^Invalid configuration: DATABASE_URL: must be a SQLite file: URL or a postgres:\/\/ URL$/,
      );
      expect(parseConfig({ DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: 'rediss://cache.example:6380' }).redisUrl).toBe('rediss://cache.example:6380');
      expect(() => parseConfig({ DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: 'http://cache' })).toThrow(/^Invalid configuration: REDIS_URL: /);
    });

    it('stops `npm start` / `npm run worker` without credentials before anything runs', () => {
      const db = join(mkdtempSync(join(tmpdir(), 'showreel-env-')), 'app.db');
      const run = spawnSync(process.execPath, ['scripts/prepare.mjs'], {
        env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: `file:${db}` },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/SHOWREEL_SANDBOX=1/);
      expect(existsSync(db)).toBe(false);
    });
  });
});
