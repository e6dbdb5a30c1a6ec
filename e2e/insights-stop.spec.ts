import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { sandboxVideos, signIn, uniqueUser } from './support/helpers';
import { startServer, stopServer } from './support/server';

// Without Redis, counted events wait in the server's memory for up to 5 s: a graceful stop
// (SIGTERM) adds them to the rollups before the process exits. A server of its own, stopped here.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 40;
const base = `http://127.0.0.1:${PORT}`;

test('SIGTERM right after a burst of events: every counted event is in the rollups after the exit', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'showreel-insights-stop-'));
  const log: string[] = [];
  const file = join(dir, 'app.db');
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    SHOWREEL_SANDBOX: '1',
    DATABASE_URL: `file:${file}`,
    SHOWREEL_DATA_DIR: dir,
    APP_URL: base,
  };
  const server = await startServer(PORT, env, (line) => log.push(line), { prepare: true });
  try {
    const user = uniqueUser('stop');
    const videos = await sandboxVideos(page.request, user);
    await signIn(page, user, { start: `${base}/api/auth/tiktok` });
    await expect(page).toHaveURL(`${base}/dashboard`);
    const saved = await page.request.put(`${base}/api/showcase`, { data: { videoIds: [videos[0].id] }, headers: { Origin: base } });
    expect(saved.status()).toBe(200);
    const html = await (await fetch(`${base}/u/${user}`)).text();
    const showcase = html.match(/data-showcase="([^"]+)"/)?.[1];
    expect(showcase).toBeTruthy();

    const send = (i: number, type: string, video?: string) =>
      fetch(`${base}/api/events`, {
        method: 'POST',
        headers: {
          Origin: base,
          'Content-Type': 'text/plain;charset=UTF-8',
          'User-Agent': `Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36 Stop${i}/1.0`,
        },
        body: JSON.stringify({ type, showcase, video }),
      });
    const answers = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => send(i, 'view')),
      ...Array.from({ length: 3 }, (_, i) => send(i, 'play', videos[0].id)),
    ]);
    expect(answers.map((r) => r.status)).toEqual(Array(15).fill(204));
    expect(await stopServer(server, 'SIGTERM')).toBe(0);
    expect(log.join('\n')).toMatch(/\[insights\] flushed \d+ event\(s\) before stopping/);

    const sqlite = new Database(file, { readonly: true });
    const row = sqlite.prepare('SELECT views, visitors, plays FROM "InsightsDay" WHERE "showcaseId" = ?').get(showcase);
    sqlite.close();
    expect(row).toEqual({ views: 12, visitors: 12, plays: 3 });
  } finally {
    await stopServer(server, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
