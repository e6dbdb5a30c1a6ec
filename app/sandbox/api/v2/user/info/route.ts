import { userInfo } from '@/lib/sandbox';
import { reply, sandboxRoute } from '@/lib/sandbox/http';

export const GET = sandboxRoute(async (request: Request) =>
  reply(await userInfo(request.headers.get('authorization'), new URL(request.url).searchParams.get('fields'))),
);
