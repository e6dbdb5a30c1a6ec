import { type NextRequest, NextResponse } from 'next/server';
import { sessionUserIdOf } from '@/lib/auth/session';
import { embedOptionsFrom, toVariant } from '@/lib/embed/options';
import { env } from '@/lib/platform/config/env';

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === '/') return landing(request);
  if (pathname.startsWith('/embed/')) return embed(request);
  return sandbox(request);
}

// The landing page is prerendered once for everyone; a signed-in creator goes on to the dashboard
// (which checks the account itself: a cookie of a deleted account ends up signed out there).
async function landing(request: NextRequest) {
  if (!(await sessionUserIdOf(request))) return NextResponse.next();
  return NextResponse.redirect(new URL('/dashboard', request.url));
}

// An embed's options live in its query, which would make the page render on every request. The
// validated options become a path segment instead, so each combination is a cached page of its own.
function embed(request: NextRequest) {
  const url = request.nextUrl.clone();
  url.pathname = `${url.pathname}/${toVariant(embedOptionsFrom(url.searchParams))}`;
  url.search = '';
  return NextResponse.rewrite(url);
}

// With real TikTok credentials the built-in sandbox does not exist: nothing under /sandbox runs,
// pages included (a layout's notFound() would still let the page itself render into the payload).
function sandbox(request: NextRequest) {
  if (env().sandbox) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith('/sandbox/api/')) {
    return NextResponse.json({ error: { code: 'not_found', message: 'Not found.' } }, { status: 404 });
  }
  // A path no route matches: the app's own "page isn't here", with status 404.
  return NextResponse.rewrite(new URL('/_not-found-sandbox-off', request.url));
}

// The proxy costs every request it sees about half its throughput, so it sees only those it has
// work for: the landing page with a session cookie, the sandbox, and embeds that name an option
// (an embed without any is rewritten to the default variant by next.config.mjs, which costs nothing).
export const config = {
  matcher: [
    { source: '/', has: [{ type: 'cookie', key: 'showreel_session' }] },
    '/sandbox',
    '/sandbox/:path*',
    { source: '/embed/:handle', has: [{ type: 'query', key: 'showcase' }] },
    { source: '/embed/:handle', has: [{ type: 'query', key: 'layout' }] },
    { source: '/embed/:handle', has: [{ type: 'query', key: 'theme' }] },
    { source: '/embed/:handle', has: [{ type: 'query', key: 'max' }] },
    { source: '/embed/:handle', has: [{ type: 'query', key: 'stats' }] },
    { source: '/embed/:handle', has: [{ type: 'query', key: 'title' }] },
  ],
};
