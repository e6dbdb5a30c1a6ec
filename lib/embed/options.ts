import { z } from 'zod';

// What an embed can be asked for: `/embed/{handle}?showcase=…&layout=…&theme=…&max=…&stats=1&title=0`. Shared by
// the proxy (which turns the query into a cacheable path), the embed page, embed.js's documented
// attributes and the dashboard's "Share and embed" controls. Unknown values fall back to the
// default instead of failing: an embed on someone's website must never turn into an error page.

export const LAYOUTS = ['grid', 'carousel', 'list'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
export const MAX_EMBED_VIDEOS = 50;

const flag = (fallback: boolean) =>
  z
    .enum(['0', '1'])
    .transform((v) => v === '1')
    .catch(fallback);

/** A showcase's slug (lib/showcase/schema.ts has the rule); an empty one names the default. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
/** What an impossible slug turns into: no showcase has it, so the embed says it is not available. */
export const NO_SUCH_SHOWCASE = '-';

export const embedOptionsSchema = z.object({
  // Not a fallback to the default: an embed asked for another showcase must not show a different one.
  showcase: z
    .string()
    .transform((v) => (v === '' || SLUG.test(v) ? v : NO_SUCH_SHOWCASE))
    .catch('')
    .default(''),
  layout: z.enum(LAYOUTS).catch('grid'),
  theme: z.enum(THEMES).catch('auto'),
  max: z.coerce.number().int().min(1).max(MAX_EMBED_VIDEOS).catch(MAX_EMBED_VIDEOS),
  stats: flag(false),
  title: flag(true),
});

export type EmbedOptions = z.infer<typeof embedOptionsSchema>;

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = embedOptionsSchema.parse({});

/** Reads options from a query string; anything unknown or out of range becomes the default. */
export function embedOptionsFrom(params: URLSearchParams): EmbedOptions {
  return embedOptionsSchema.parse(Object.fromEntries(params));
}

/** The query that asks for these options, naming only what differs from the defaults. */
export function embedQuery(o: EmbedOptions): string {
  const q = new URLSearchParams();
  if (o.showcase) q.set('showcase', o.showcase);
  if (o.layout !== DEFAULT_EMBED_OPTIONS.layout) q.set('layout', o.layout);
  if (o.theme !== DEFAULT_EMBED_OPTIONS.theme) q.set('theme', o.theme);
  if (o.max !== DEFAULT_EMBED_OPTIONS.max) q.set('max', String(o.max));
  if (o.stats) q.set('stats', '1');
  if (!o.title) q.set('title', '0');
  const s = q.toString();
  return s ? `?${s}` : '';
}

// One cached page per combination: the proxy rewrites `/embed/{handle}?…` to `/embed/{handle}/{variant}`.
// A showcase other than the default adds its slug as a sixth part (slugs have no dots).
export function toVariant(o: EmbedOptions): string {
  return `${o.layout}.${o.theme}.${o.max}.${o.stats ? 1 : 0}.${o.title ? 1 : 0}${o.showcase ? `.${o.showcase}` : ''}`;
}

/** The options a variant segment names, or null when it is not one toVariant would write. */
export function fromVariant(variant: string): EmbedOptions | null {
  const [layout, theme, max, stats, title, showcase = ''] = variant.split('.');
  const o = embedOptionsSchema.parse({ layout, theme, max, stats, title, showcase });
  return toVariant(o) === variant ? o : null;
}
