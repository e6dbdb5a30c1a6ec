import { checkQrcode } from '@/lib/sandbox';
import { formOf, reply, sandboxRoute } from '@/lib/sandbox/http';

export const POST = sandboxRoute(async (request: Request) => reply(await checkQrcode(await formOf(request))));
