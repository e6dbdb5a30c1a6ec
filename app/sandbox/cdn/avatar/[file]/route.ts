import { checkSignedUrl, displayNameOf } from '@/lib/tiktok/sandbox/engine';
import { sandboxRoute } from '@/lib/tiktok/sandbox/http';
import { avatarSvg } from '@/lib/tiktok/sandbox/images';

export const GET = sandboxRoute(async (request: Request, ctx: { params: Promise<{ file: string }> }) => {
  const id = (await ctx.params).file.replace(/\.svg$/, '');
  const url = new URL(request.url);
  const verdict = checkSignedUrl('avatar', id, url.searchParams.get('x-expires'), url.searchParams.get('x-signature'));
  const name = verdict === 'ok' ? displayNameOf(id) : null;
  if (!name) return new Response('Access Denied', { status: 403, headers: { 'Content-Type': 'text/plain' } });
  const initials = name
    .split(' ')
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return new Response(avatarSvg(id, initials), {
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
  });
});
