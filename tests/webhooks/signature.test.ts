import { describe, expect, it } from 'vitest';
import { sign, verifySignature } from '@/lib/tiktok/webhooks';

const SECRET = 'client-secret';
const BODY = '{"event":"authorization.removed","user_openid":"abc"}';

describe('TikTok-Signature', () => {
  const now = 1_800_000_000;
  it('accepts a signature made with the client secret', () => {
    expect(verifySignature(sign(BODY, SECRET, now), BODY, SECRET, now)).toBe('ok');
  });
  it('refuses another secret, another body, a stale or future timestamp, and garbage', () => {
    expect(verifySignature(sign(BODY, 'other', now), BODY, SECRET, now)).toBe('mismatch');
    expect(verifySignature(sign(BODY, SECRET, now), `${BODY} `, SECRET, now)).toBe('mismatch');
    expect(verifySignature(sign(BODY, SECRET, now - 301), BODY, SECRET, now)).toBe('stale');
    expect(verifySignature(sign(BODY, SECRET, now + 301), BODY, SECRET, now)).toBe('stale');
    expect(verifySignature(sign(BODY, SECRET, now - 299), BODY, SECRET, now)).toBe('ok');
    expect(verifySignature('nonsense', BODY, SECRET, now)).toBe('malformed');
    expect(verifySignature(null, BODY, SECRET, now)).toBe('malformed');
    expect(verifySignature(`t=${now},s=zz`, BODY, SECRET, now)).toBe('malformed');
  });

  it('matches a known answer computed outside the app (openssl dgst -sha256 -hmac)', () => {
    // printf '%s' '1700000000.{"event":"authorization.removed","user_openid":"abc"}' | openssl dgst -sha256 -hmac 'kat-client-secret'
    const expected = 't=1700000000,s=5707b164a7ba7613eebc2a5e02db0a42e31f3f6dcc95c9b4f3e76ce5624ccb94';
    expect(sign(BODY, 'kat-client-secret', 1_700_000_000)).toBe(expected);
    expect(verifySignature(expected, BODY, 'kat-client-secret', 1_700_000_000)).toBe('ok');
  });
  it('parses the header strictly: whole-second decimal t, 64 hex digits, nothing odd', () => {
    const good = sign(BODY, SECRET, now);
    const s = good.split(',s=')[1];
    expect(verifySignature(`t=${now}e0,s=${s}`, BODY, SECRET, now)).toBe('malformed');
    expect(verifySignature(`t=0x${now.toString(16)},s=${s}`, BODY, SECRET, now)).toBe('malformed');
    expect(verifySignature(`t=${now},s=${s}0`, BODY, SECRET, now)).toBe('malformed');
    expect(verifySignature(`t=${now},s=${s.slice(0, -1)}`, BODY, SECRET, now)).toBe('malformed');
    expect(verifySignature(`t=${now},s=${s},t=1`, BODY, SECRET, now)).toBe('malformed');
    expect(verifySignature(` t=${now} , s=${s} `, BODY, SECRET, now)).toBe('ok');
  });
});
