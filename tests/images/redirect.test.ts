import { describe, expect, it, vi } from 'vitest';
import { isAllowedImageUrl, redirectToSignedUrl } from '@/lib/images/redirect';
import { isTikTokCdnUrl } from '@/lib/tiktok/cdn';

const later = new Date(Date.now() + 6 * 3600_000);

describe('cover and avatar redirects go only to TikTok CDN hosts', () => {
  it('knows TikTok CDN URLs', () => {
    expect(isTikTokCdnUrl('https://p16-sign-va.tiktokcdn.com/obj/cover.jpeg?x-expires=1')).toBe(true);
    expect(isTikTokCdnUrl('https://p19-pu-sign-useast8.tiktokcdn-us.com/a.webp')).toBe(true);
    expect(isTikTokCdnUrl('https://p16.byteimg.com/a.jpeg')).toBe(true);
    expect(isTikTokCdnUrl('http://p16-sign-va.tiktokcdn.com/a.jpeg')).toBe(false);
    expect(isTikTokCdnUrl('https://tiktokcdn.com.evil.example/a.jpeg')).toBe(false);
    expect(isTikTokCdnUrl('https://eviltiktokcdn.com/a.jpeg')).toBe(false);
    expect(isTikTokCdnUrl('https://user:pw@p16.tiktokcdn.com/a.jpeg')).toBe(false);
    expect(isTikTokCdnUrl('javascript:alert(1)')).toBe(false);
  });

  it('redirects to the CDN, and serves the placeholder (warning once per host) for anything else', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ok = redirectToSignedUrl({ url: 'https://p16-sign-va.tiktokcdn.com/cover.jpeg', expiresAt: later }, '/cover-placeholder.svg');
    expect(ok.headers.get('location')).toBe('https://p16-sign-va.tiktokcdn.com/cover.jpeg');
    for (let i = 0; i < 3; i++) {
      const bad = redirectToSignedUrl({ url: 'https://evil.example/x.jpeg', expiresAt: later }, '/cover-placeholder.svg');
      expect(bad.headers.get('location')).toBe('/cover-placeholder.svg');
    }
    expect(warn.mock.calls.filter(([m]) => String(m).includes('https://evil.example'))).toHaveLength(1);
    // The app's own origin is the sandbox's CDN, which real credentials (these tests' setting) turn off.
    expect(isAllowedImageUrl('https://showreel.test/sandbox/cdn/cover/1.svg')).toBe(false);
    warn.mockRestore();
  });
});
