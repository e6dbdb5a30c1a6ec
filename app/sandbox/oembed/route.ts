import { oembed } from '@/lib/sandbox';
import { reply, sandboxRoute } from '@/lib/sandbox/http';

export const dynamic = 'force-dynamic';

export const GET = sandboxRoute(async (request: Request) => reply(await oembed(new URL(request.url).searchParams.get('url'))));
