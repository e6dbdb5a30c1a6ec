import { playerScript } from '@/app/(public)/_components/page-document';
import { scriptResponse } from '@/lib/platform/http/served-file';

export const dynamic = 'force-dynamic';

/** `/player.js?v={hash}` (the URL public pages name) never changes, so it is cached for a year; anything else for an hour. */
export function GET(request: Request) {
  return scriptResponse(playerScript, request);
}
