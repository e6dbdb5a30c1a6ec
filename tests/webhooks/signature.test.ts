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
});
