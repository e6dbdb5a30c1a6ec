import { sandboxRoute } from '@/lib/tiktok/sandbox/http';
import { avatarSvg } from '@/lib/tiktok/sandbox/images';

export const GET = sandboxRoute(async (_request: Request, ctx: { params: Promise<{ file: string }> }) => {
  const id = (await ctx.params).file.replace(/\.svg$/, '');
  return new Response(avatarSvg(id, id.slice(0, 1).toUpperCase()), {
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' },
  });
});
