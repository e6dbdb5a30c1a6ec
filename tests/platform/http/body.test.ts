import { describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT, readJson, readText } from '@/lib/platform/http';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('https://showreel.test/api/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A body that arrives in chunks and declares no length, as a chunked upload does. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(16 * 1024, bytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(32));
    },
  });
}

describe('request bodies are size-capped before parsing', () => {
  it('reads JSON up to 64 kB', async () => {
    const ok = await readJson(post(JSON.stringify({ videoIds: ['1'] })));
    expect(ok).toEqual({ ok: true, value: { videoIds: ['1'] } });
    const padded = `{"a":"${'x'.repeat(JSON_BODY_LIMIT - 10)}"}`;
    expect((await readJson(post(padded))).ok).toBe(true);
  });

  it('answers 413 for a larger body, declared or streamed, and 400 for non-JSON', async () => {
    const big = await readJson(post(`{"a":"${'x'.repeat(JSON_BODY_LIMIT)}"}`));
    expect(big.ok).toBe(false);
    if (!big.ok) {
      expect(big.response.status).toBe(413);
      expect((await big.response.json()).error.code).toBe('payload_too_large');
    }
    const declared = await readText(post('{}', { 'content-length': String(10 * 1024 * 1024) }), JSON_BODY_LIMIT);
    expect(!declared.ok && declared.response.status).toBe(413);
    const chunked = await readText(post(streamed(300 * 1024)), 256 * 1024);
    expect(!chunked.ok && chunked.response.status).toBe(413);
    const notJson = await readJson(post('not json'));
    expect(!notJson.ok && notJson.response.status).toBe(400);
  });
});
