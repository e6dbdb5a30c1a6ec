import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Debian's varnishd with the VCL the project ships (deploy/varnish/default.vcl), its backend line
// changed to the test's port: the edge cache of the services journeys.

/** The shipped VCL with its one backend line pointing at `port`. */
export function vclFor(port: number): string {
  const shipped = readFileSync('deploy/varnish/default.vcl', 'utf8');
  const line = /^backend default \{ \.host = "127\.0\.0\.1"; \.port = "3000"; \}$/m;
  if (!line.test(shipped)) throw new Error('deploy/varnish/default.vcl: the backend line changed; update e2e/support/varnish.ts');
  return shipped.replace(line, `backend default { .host = "127.0.0.1"; .port = "${port}"; }`);
}

export class Varnish {
  private child: ChildProcess | null = null;
  readonly logs: string[] = [];

  constructor(
    readonly port: number,
    private readonly backendPort: number,
    private readonly dir: string,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const vcl = resolve(join(this.dir, 'default.vcl'));
    writeFileSync(vcl, vclFor(this.backendPort));
    // -F: in the foreground, so the test owns the process; -j none: no jail (no extra user needed).
    const child = spawn(
      'varnishd',
      ['-F', '-j', 'none', '-a', `127.0.0.1:${this.port}`, '-f', vcl, '-n', resolve(join(this.dir, 'work')), '-s', 'malloc,64m'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', (d: Buffer) => this.logs.push(d.toString().trimEnd()));
    child.stderr!.on('data', (d: Buffer) => this.logs.push(d.toString().trimEnd()));
    this.child = child;
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) break;
      try {
        await fetch(`${this.url}/robots.txt`, { method: 'HEAD' });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`varnishd did not start: ${this.logs.join('\n')}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
