import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The landing page is the same for everyone, so it is prerendered: this header reads no session
 * (signed-in creators never see it: proxy.ts sends them on to their dashboard).
 */
export default function LandingLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <Link className="brand" href="/">
          Show<span>reel</span>
        </Link>
        <a className="button button-ghost" href="/api/auth/tiktok">
          Sign in
        </a>
      </header>
      {children}
    </>
  );
}
