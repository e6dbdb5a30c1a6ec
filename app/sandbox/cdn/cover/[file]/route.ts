import { checkSignedUrl, findVideo } from '@/lib/tiktok/sandbox/engine';
import { sandboxRoute } from '@/lib/tiktok/sandbox/http';
import { coverSvg } from '@/lib/tiktok/sandbox/images';

export const GET = sandboxRoute(async (request: Request, ctx: { params: Promise<{ file: string }> }) => {
  const id = (await ctx.params).file.replace(/\.svg$/, '');
  const url = new URL(request.url);
  const verdict = checkSignedUrl('cover', id, url.searchParams.get('x-expires'), url.searchParams.get('x-signature'));
  const video = verdict === 'ok' ? findVideo(id) : null;
  if (!video) return new Response('Access Denied', { status: 403, headers: { 'Content-Type': 'text/plain' } });
  return new Response(coverSvg(id, video.title), {
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
  });
});
