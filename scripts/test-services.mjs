// `npm run test:services` (the last step of `npm test`): when a PostgreSQL and a Redis answer
// (TEST_DATABASE_URL, TEST_REDIS_URL; by default the machine's own), runs the integration tests
// again on PostgreSQL and then the multi-instance journeys (e2e/scale). When they do not answer it
// says so in one line and passes, unless REQUIRE_SERVICES=1 (CI), which makes that a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const pgUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

/**
 * Opens a TCP connection and, for Redis, expects +PONG; for PostgreSQL, that the port answers.
 * @param {string} host @param {number} port @param {{ send: string, expect: string }} [probe]
 * @returns {Promise<boolean>}
 */
function answers(host, port, probe) {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    /** @param {boolean} ok */
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      if (!probe) return done(true);
      socket.write(probe.send);
      socket.once('data', (d) => done(d.toString().startsWith(probe.expect)));
    });
  });
}

const [pgUp, redisUp] = await Promise.all([
  answers(pgUrl.hostname, Number(pgUrl.port || 5432)),
  answers(redisUrl.hostname, Number(redisUrl.port || 6379), { send: 'PING\r\n', expect: '+PONG' }),
]);
if (!pgUp || !redisUp) {
  const missing = [!pgUp && `PostgreSQL at ${pgUrl.host}`, !redisUp && `Redis at ${redisUrl.host}`].filter(Boolean).join(' and ');
  if (process.env.REQUIRE_SERVICES === '1') {
    console.error(`[test:services] ${missing} not answering, and REQUIRE_SERVICES=1: failing`);
    process.exit(1);
  }
  console.log(`[test:services] ${missing} not answering: skipped the PostgreSQL and multi-instance tests (SQLite suite passed)`);
  process.exit(0);
}

/** @param {string} cmd @param {string[]} args @param {Record<string, string>} [env] */
const run = (cmd, args, env = {}) => {
  console.log(`[test:services] ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npx', ['vitest', 'run'], { TEST_DIALECT: 'postgresql' });
if (!existsSync('.next/BUILD_ID')) run('npm', ['run', 'build']);
run('npx', ['playwright', 'test', '--config', 'playwright.services.config.ts']);
