import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// What the README tells operators to run, `npm start` and `npm run worker`, signalled as a container
// runtime signals it: SIGTERM to that process (npm's), and nothing else. The signal must reach the
// server and the worker, which stop gracefully; nothing may be left running behind npm.
test.describe.configure({ mode: 'serial' });

const PORT = Number(process.env.E2E_PORT ?? 3100) + 70;
const base = `http://127.0.0.1:${PORT}`;

/** Processes whose environment holds this marker: what npm started, however deep. */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(marker)) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

function npm(args: string[], dir: string, log: string[]): ChildProcess {
  const child = spawn('npm', args, {
    env: {
      ...process.env,
      SHOWREEL_SANDBOX: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: `file:${join(dir, 'app.db')}`,
      SHOWREEL_DATA_DIR: dir,
      APP_URL: base,
      PORT: String(PORT),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  return child;
}

const exitOf = (child: ChildProcess) => new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));

test('npm start: SIGTERM to npm reaches the server, which drains and exits 0; nothing keeps serving', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'showreel-stop-'));
  const log: string[] = [];
  const child = npm(['start', '--', '-H', '127.0.0.1'], dir, log);
  const exited = exitOf(child);
  try {
    await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log.join('')).toMatch(/SIGTERM: draining[\s\S]*stopped in/);
    // Nothing re-parented behind npm: the port is closed, no process of this run is left.
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    expect(processesWith(dir)).toEqual([]);
  } finally {
    for (const pid of processesWith(dir)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run worker: SIGTERM to npm reaches the worker, which finishes its pass and exits; nothing is left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'showreel-stop-'));
  const log: string[] = [];
  const child = npm(['run', 'worker'], dir, log);
  const exited = exitOf(child);
  try {
    await expect.poll(() => log.join(''), { timeout: 60_000 }).toMatch(/\[worker\] started/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log.join('')).toMatch(/\[worker\] SIGTERM: finishing the current pass/);
    expect(processesWith(dir)).toEqual([]);
  } finally {
    for (const pid of processesWith(dir)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
