import Link from 'next/link';
import type { ReactNode } from 'react';
import { currentUserId } from '@/lib/auth/session';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const signedIn = Boolean(await currentUserId());
  return (
    <>
      <header className="site-header">
        <Link className="brand" href={signedIn ? '/dashboard' : '/'}>
          Show<span>reel</span>
        </Link>
        {signedIn ? (
          <form method="post" action="/api/auth/logout">
            <button type="submit" className="ghost">
              Sign out
            </button>
          </form>
        ) : (
          <a className="button button-ghost" href="/api/auth/tiktok">
            Sign in
          </a>
        )}
      </header>
      {children}
    </>
  );
}
