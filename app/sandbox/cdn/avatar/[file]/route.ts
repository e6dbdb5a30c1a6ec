import { displayNameOf } from '@/lib/tiktok/sandbox/engine';
import { sandboxRoute } from '@/lib/tiktok/sandbox/http';
import { avatarSvg } from '@/lib/tiktok/sandbox/images';

export const GET = sandboxRoute(async (_request: Request, ctx: { params: Promise<{ file: string }> }) => {
  const id = (await ctx.params).file.replace(/\.svg$/, '');
  const initials = (displayNameOf(id) ?? '?')
    .split(' ')
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return new Response(avatarSvg(id, initials), {
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' },
  });
});
