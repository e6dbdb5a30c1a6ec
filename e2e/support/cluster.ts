import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import { test } from '@playwright/test';
import pg from 'pg';
import { SANDBOX_CONTROL_TOKEN } from '../../playwright.config';
import { createTestDatabase } from '../../tests/support/databases';
import { startServer, stopServer } from './server';
import { TcpLink } from './tcp-link';
import { Varnish } from './varnish';

// A small deployment on one machine, as production would run it: a load balancer in front of two
// app instances (A, B) on one PostgreSQL database and one Redis, and "TikTok" (a third instance
// serving only the sandbox) that outlives the app instances. Redis is reached through a link the
// tests can cut, so an outage is an outage from the app's side without touching the machine's Redis.
// With `edge`, a real varnishd (deploy/varnish/default.vcl) sits in front of the load balancer, and
// the app's purges reach it through a link the tests can cut too (an edge the app cannot reach).
// With `splitRedis`, B reaches Redis through a link of its own, so B alone can be cut off from it.

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const CRON_SECRET = 'scale-cron-secret-0123456789';
const BASE_PORT = Number(process.env.SCALE_PORT ?? 3300);

type Name = 'A' | 'B' | 'tiktok';

/** Round-robin over the live app instances; /sandbox/* goes to "TikTok". Aborts travel upstream. */
function loadBalancer(port: number, targets: () => number[], tiktokPort: number): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const ports = req.url?.startsWith('/sandbox') ? [tiktokPort] : targets();
    const tryPort = (attempt: number) => {
      const target = ports[(next + attempt) % ports.length];
      const upstream = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => {
        if (attempt + 1 < ports.length && !res.headersSent) tryPort(attempt + 1);
        else if (!res.headersSent) res.writeHead(502).end('no instance answered');
      });
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      req.pipe(upstream);
    };
    next++;
    tryPort(0);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

type Options = {
  /** Ports from SCALE_PORT + offset on, so a spec file's cluster never meets another's (default 0). */
  portOffset?: number;
  /** Settings for every process of this cluster on top of the defaults below. */
  env?: Record<string, string>;
  /** A real Varnish in front of the load balancer (deploy/varnish/default.vcl). */
  edge?: boolean;
  /** B reaches Redis through a link of its own, so it alone can be cut off. */
  splitRedis?: boolean;
};

export class Cluster {
  readonly id = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  readonly ports: { lb: number; A: number; B: number; tiktok: number; redis: number; redisB: number; edge: number; edgePurge: number };
  readonly url: string;
  readonly redis: TcpLink;
  readonly dataDir = `data/scale-${this.id}`;
  private children = new Map<Name, ChildProcess>();
  private lb: http.Server | null = null;
  private database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
  readonly logs: string[] = [];
  readonly edge: Varnish | null;
  /** The app's way to the edge's purge port. */
  readonly edgePurge: TcpLink;
  /** B's own way to Redis, with `splitRedis` (else B shares `redis` with A). */
  readonly redisB: TcpLink | null;

  constructor(private readonly options: Options = {}) {
    const base = BASE_PORT + (options.portOffset ?? 0);
    this.ports = { lb: base, A: base + 1, B: base + 2, tiktok: base + 3, redis: base + 9, redisB: base + 8, edge: base + 90, edgePurge: base + 91 };
    this.url = `http://127.0.0.1:${this.ports.lb}`;
    const redis = { host: new URL(TEST_REDIS_URL).hostname, port: Number(new URL(TEST_REDIS_URL).port || 6379) };
    this.redis = new TcpLink(this.ports.redis, redis);
    this.redisB = options.splitRedis ? new TcpLink(this.ports.redisB, redis) : null;
    this.edge = options.edge ? new Varnish(this.ports.edge, this.ports.lb, `${this.dataDir}/varnish`) : null;
    this.edgePurge = new TcpLink(this.ports.edgePurge, { host: '127.0.0.1', port: this.ports.edge });
  }

  at(name: Name): string {
    return `http://127.0.0.1:${this.ports[name]}`;
  }

  env(name?: Name): NodeJS.ProcessEnv {
    const redisPort = name === 'B' && this.redisB ? this.ports.redisB : this.ports.redis;
    return {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      SHOWREEL_SANDBOX: '1',
      DATABASE_URL: this.database!.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_KEY_PREFIX: `scale-${this.id}:`,
      SHOWREEL_DATA_DIR: this.dataDir,
      APP_URL: this.url,
      TIKTOK_AUTH_BASE_URL: `${this.url}/sandbox`,
      // The instances reach "TikTok" directly, as they would reach open.tiktokapis.com.
      TIKTOK_API_BASE_URL: `${this.at('tiktok')}/sandbox/api`,
      TIKTOK_TIMEOUT_MS: '4000',
      CRON_SECRET,
      SANDBOX_CONTROL_TOKEN,
      ...(this.edge ? { EDGE_PURGE_URL: `http://127.0.0.1:${this.ports.edgePurge}` } : {}),
      ...this.options.env,
    };
  }

  async start(): Promise<void> {
    this.database = await createTestDatabase('scale');
    await this.redis.up();
    await this.redisB?.up();
    const prepared = spawnSync(process.execPath, ['scripts/prepare.mjs'], { env: this.env(), encoding: 'utf8' });
    if (prepared.status !== 0) throw new Error(`prepare failed: ${prepared.stderr}`);
    await Promise.all((['tiktok', 'A', 'B'] as const).map((n) => this.startInstance(n)));
    this.lb = await loadBalancer(this.ports.lb, () => (['A', 'B'] as const).filter((n) => this.children.has(n)).map((n) => this.ports[n]), this.ports.tiktok);
    if (this.edge) {
      await this.edge.start();
      await this.edgePurge.up();
    }
  }

  async startInstance(name: Name): Promise<void> {
    const child = await startServer(this.ports[name], this.env(name), (line) => this.logs.push(`[${name}] ${line}`));
    this.children.set(name, child);
    child.on('exit', () => {
      if (this.children.get(name) === child) this.children.delete(name);
    });
  }

  stop(name: Name, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
    const child = this.children.get(name);
    if (!child) return Promise.resolve('not running');
    this.children.delete(name);
    return stopServer(child, signal);
  }

  /** Runs `npm run worker -- --once --all`'s program with the cluster's configuration. */
  worker(): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/worker.ts', '--once', '--all'], { env: this.env() });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', (code) => resolve({ code, output }));
    });
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.children.keys()].map((n) => this.stop(n, 'SIGKILL')));
    const lbClosed = new Promise<void>((resolve) => (this.lb ? this.lb.close(() => resolve()) : resolve()));
    this.lb?.closeAllConnections();
    await lbClosed;
    await this.redis.down();
    await this.redisB?.down();
    await this.edgePurge.down();
    await this.edge?.stop();
    await this.database?.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * A cluster for one spec file: started (with a client on its database) before the file's tests,
 * stopped after them, and the end of its logs (and `moreLogs`) printed when a test fails.
 */
export function clusterPerFile(options: Options = {}, moreLogs: (c: Cluster) => string[] = () => []) {
  const c = new Cluster(options);
  let client: pg.Client | null = null;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await c.start();
    client = new pg.Client({ connectionString: c.env().DATABASE_URL });
    await client.connect();
  });
  test.afterAll(async () => {
    await client?.end();
    await c.stopAll();
  });
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads which fixtures a hook needs from its first parameter, which must be a destructuring
  test.afterEach(async ({}, info) => {
    if (info.status !== info.expectedStatus) console.log([...c.logs.slice(-80), ...moreLogs(c)].join('\n'));
  });
  /** The client on the cluster's database (once the cluster has started). */
  const db = () => {
    if (!client) throw new Error('the cluster has not started');
    return client;
  };
  return { c, db };
}
