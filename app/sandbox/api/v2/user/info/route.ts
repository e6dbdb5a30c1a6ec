import { userInfo } from '@/lib/tiktok/sandbox/engine';
import { reply, sandboxRoute } from '@/lib/tiktok/sandbox/http';

export const GET = sandboxRoute(async (request: Request) =>
  reply(await userInfo(request.headers.get('authorization'), new URL(request.url).searchParams.get('fields'))),
);
