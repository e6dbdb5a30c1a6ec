import { videoList } from '@/lib/tiktok/sandbox/engine';
import { jsonOf, reply, sandboxRoute } from '@/lib/tiktok/sandbox/http';

export const POST = sandboxRoute(async (request: Request) =>
  reply(await videoList(request.headers.get('authorization'), new URL(request.url).searchParams.get('fields'), await jsonOf(request))),
);
