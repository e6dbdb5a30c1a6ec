import { token } from '@/lib/sandbox';
import { formOf, reply, sandboxRoute } from '@/lib/sandbox/http';

export const POST = sandboxRoute(async (request: Request) => reply(await token(await formOf(request), request.signal)));
