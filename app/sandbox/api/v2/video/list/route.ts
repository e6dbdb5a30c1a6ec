import { videoList } from '@/lib/sandbox';
import { jsonOf, reply, sandboxRoute } from '@/lib/sandbox/http';

export const POST = sandboxRoute(async (request: Request) =>
  reply(await videoList(request.headers.get('authorization'), new URL(request.url).searchParams.get('fields'), await jsonOf(request))),
);
