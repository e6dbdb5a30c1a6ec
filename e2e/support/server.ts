import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';

// Journeys that need a server of their own (other configuration, restarts) start `npm start`'s
// server directly, on a port of their own, against the build the suite runs.

/**
 * Starts `npm start`'s server (scripts/server.mjs) on a port and waits until it answers; with
 * `prepare`, first runs `npm start`'s start-up step (configuration check, migrations).
 */
export async function startServer(port: number, env: NodeJS.ProcessEnv, log: (line: string) => void, opts: { prepare?: boolean } = {}): Promise<ChildProcess> {
  if (opts.prepare) {
    const prepared = spawnSync(process.execPath, ['scripts/prepare.mjs'], { env, encoding: 'utf8' });
    if (prepared.status !== 0) throw new Error(`start-up refused: ${prepared.stderr}`);
  }
  const child = spawn(process.execPath, ['scripts/server.mjs', '-H', '127.0.0.1', '-p', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  child.stderr!.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  let exited = false;
  child.on('exit', () => (exited = true));
  for (let i = 0; i < 150 && !exited; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server on port ${port} did not start`);
}

/** Sends a signal and resolves with the exit code (or the signal's name). */
export function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode ?? child.signalCode ?? 'exited');
    child.once('exit', (code, sig) => resolve(code ?? sig ?? 'unknown'));
    child.kill(signal);
  });
}

/**
 * A production server of the file's own (other configuration than the suite's), on E2E_PORT +
 * `offset`, with a data folder of its own: started before the file's tests, stopped after them.
 */
export function serverOfItsOwn(offset: number, name: string, env: (dir: string, base: string) => Record<string, string>): { base: string } {
  const port = Number(process.env.E2E_PORT ?? 3100) + offset;
  const base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), `showreel-${name}-`));
  let server: ChildProcess;
  test.beforeAll(async () => {
    server = await startServer(
      port,
      { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: `file:${join(dir, 'app.db')}`, ...env(dir, base) },
      () => undefined,
      {
        prepare: true,
      },
    );
  });
  test.afterAll(async () => {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });
  return { base };
}
