import { shortLinkTarget } from '@/lib/sandbox';
import { sandboxRoute } from '@/lib/sandbox/http';

export const dynamic = 'force-dynamic';

/** A TikTok short link: a redirect to wherever it was made for (a video page, or, in tests, somewhere else). */
export const GET = sandboxRoute(async (_request: Request, { params }: { params: Promise<{ code: string }> }) => {
  const target = shortLinkTarget((await params).code);
  if (!target) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(null, { status: 301, headers: { Location: target, 'Cache-Control': 'no-store' } });
});
