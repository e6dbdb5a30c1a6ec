import { spawn } from 'node:child_process';
import { BASE_URL } from '../../playwright.config';

/**
 * One pass of `npm run worker` against the journeys' database (all accounts due or not), or only
 * over `handles` (the suite's other accounts would spend TikTok's budget a journey needs).
 */
export function workerPass(handles?: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const args = ['tsx', '--conditions=react-server', 'scripts/worker.ts', '--once', '--all', ...(handles ? [`--handles=${handles.join(',')}`] : [])];
    const child = spawn('npx', args, {
      env: { ...process.env, DATABASE_URL: 'file:./data/e2e/showreel.db', APP_URL: BASE_URL, NODE_ENV: 'production', SHOWREEL_SANDBOX: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}
