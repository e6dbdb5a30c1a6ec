import net from 'node:net';
import { expect, test } from '@playwright/test';
import { serverOfItsOwn } from './support/server';

// npm start's server does not wait for ever on a client that sends its request slowly.
const { base } = serverOfItsOwn(90, 'timeouts', (dir, url) => ({
  SHOWREEL_SANDBOX: '1',
  SHOWREEL_DATA_DIR: dir,
  APP_URL: url,
  SERVER_HEADERS_TIMEOUT_MS: '1000',
  SERVER_REQUEST_TIMEOUT_MS: '2000',
}));

/** Sends `parts` with pauses between them and resolves with what the server wrote before it closed. */
function slowClient(parts: string[], pauseMs: number): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let out = '';
    let i = 0;
    const next = () => {
      if (i < parts.length && !socket.destroyed) {
        socket.write(parts[i++]);
        setTimeout(next, pauseMs);
      }
    };
    socket.on('connect', next);
    socket.on('data', (d) => (out += d));
    socket.on('close', () => resolve(out));
    socket.on('error', () => resolve(out));
    // The test's own deadline: a server without timeouts would keep this socket open.
    socket.setTimeout(15_000, () => {
      socket.destroy();
      reject(new Error('the server kept a slow client waiting'));
    });
  });
}

test('headers sent too slowly are answered 408 in the error shape and the connection closed', async () => {
  const header = 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n'.split('');
  const answer = await slowClient(header, 400);
  expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
});

test('a body sent too slowly is cut off too', async () => {
  // The webhook reads its whole body before anything else (no Origin check, a signature to verify).
  const start = 'POST /api/webhooks/tiktok HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n';
  const answer = await slowClient([start, ...'{"code":"x"'.split('')], 500);
  expect(answer).toMatch(/^HTTP\/1\.1 408 /);
});
