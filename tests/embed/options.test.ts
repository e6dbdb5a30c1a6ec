import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, embedOptionsFrom, embedQuery, fromVariant, NO_SUCH_SHOWCASE, toVariant } from '@/lib/embed/options';
import nextConfig, { DEFAULT_EMBED_VARIANT } from '@/next.config.mjs';

describe('embed options', () => {
  it('fall back to the defaults for anything unknown or out of range', () => {
    expect(embedOptionsFrom(new URLSearchParams('layout=spiral&theme=neon&max=0&stats=yes&title=maybe'))).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(embedOptionsFrom(new URLSearchParams('max=51'))).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(embedOptionsFrom(new URLSearchParams('max=2.5'))).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(embedOptionsFrom(new URLSearchParams('layout=list&theme=dark&max=3&stats=1&title=0'))).toEqual({
      showcase: '',
      layout: 'list',
      theme: 'dark',
      max: 3,
      stats: true,
      title: false,
    });
  });

  it('round-trip through the cached path segment, which accepts only what toVariant writes', () => {
    const o = embedOptionsFrom(new URLSearchParams('layout=carousel&max=7&stats=1'));
    expect(fromVariant(toVariant(o))).toEqual(o);
    expect(fromVariant('carousel.auto.07.1.1')).toBeNull();
    expect(fromVariant('spiral.auto.50.0.1')).toBeNull();
    expect(fromVariant('grid.auto.50.0.1.Not-A-Slug')).toBeNull();
    expect(fromVariant('grid.auto.50.0.1.a.b')).toBeNull();
  });

  it('name another showcase by its slug, as a sixth part of the path; a malformed one names none', () => {
    const o = embedOptionsFrom(new URLSearchParams('showcase=new-drops&layout=list'));
    expect(o.showcase).toBe('new-drops');
    expect(toVariant(o)).toBe('list.auto.50.0.1.new-drops');
    expect(fromVariant(toVariant(o))).toEqual(o);
    // Never the default instead: an embed asked for another showcase says it is not available.
    expect(embedOptionsFrom(new URLSearchParams('showcase=../x')).showcase).toBe(NO_SUCH_SHOWCASE);
  });

  it('name in the query only what differs from the defaults', () => {
    expect(embedQuery(DEFAULT_EMBED_OPTIONS)).toBe('');
    expect(embedQuery({ ...DEFAULT_EMBED_OPTIONS, theme: 'light', title: false })).toBe('?theme=light&title=0');
  });

  it('agree with next.config.mjs on the default variant, where an embed without options is rewritten', async () => {
    expect(DEFAULT_EMBED_VARIANT).toBe(toVariant(DEFAULT_EMBED_OPTIONS));
    const rewrites = (await nextConfig.rewrites!()) as { beforeFiles: Array<{ source: string; destination: string }> };
    expect(rewrites.beforeFiles).toContainEqual({ source: '/embed/:handle', destination: `/embed/:handle/${toVariant(DEFAULT_EMBED_OPTIONS)}` });
  });
});
