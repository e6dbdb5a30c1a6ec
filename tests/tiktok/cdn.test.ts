import { describe, expect, it } from 'vitest';
import { cdnSource, isAllowedCdnUrl, isTikTokCdnUrl } from '@/lib/tiktok/cdn';

describe('TikTok CDN hosts: the only places a picture is ever fetched from', () => {
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

  it('never takes the app itself for a CDN with real credentials (the sandbox CDN is off then)', () => {
    expect(isAllowedCdnUrl('https://showreel.test/sandbox/cdn/cover/1.jpeg')).toBe(false);
  });

  it('names a picture by its address without the signed query', () => {
    expect(cdnSource('https://p16-sign-va.tiktokcdn.com/obj/cover.jpeg?x-expires=1&x-signature=abc')).toBe('https://p16-sign-va.tiktokcdn.com/obj/cover.jpeg');
    expect(cdnSource('not a url')).toBeNull();
  });
});
