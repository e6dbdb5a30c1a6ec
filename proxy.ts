import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';

// With real TikTok credentials the built-in sandbox does not exist: nothing under /sandbox runs,
// pages included (a layout's notFound() would still let the page itself render into the payload).
export function proxy(request: NextRequest) {
  if (env().sandbox) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith('/sandbox/api/')) {
    return NextResponse.json({ error: { code: 'not_found', message: 'Not found.' } }, { status: 404 });
  }
  // A path no route matches: the app's own "page isn't here", with status 404.
  return NextResponse.rewrite(new URL('/_not-found-sandbox-off', request.url));
}

export const config = { matcher: ['/sandbox', '/sandbox/:path*'] };
