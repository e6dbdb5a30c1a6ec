import { token } from '@/lib/tiktok/sandbox/engine';
import { formOf, reply, sandboxRoute } from '@/lib/tiktok/sandbox/http';

export const POST = sandboxRoute(async (request: Request) => reply(await token(await formOf(request), request.signal)));
