import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The bar above every page with chrome: the brand (linking to `brandHref`) and one action. (The
 * public page, not a React page, writes the same bar: app/(public)/_components/page-document.ts.)
 */
export function SiteHeader({ brandHref = '/', children }: { brandHref?: string; children: ReactNode }) {
  return (
    <header className="site-header">
      <Link className="brand" href={brandHref}>
        Show<span>reel</span>
      </Link>
      {children}
    </header>
  );
}

/** "Sign in": starts the TikTok sign-in. */
export function SignInLink() {
  return (
    <a className="button button-ghost" href="/api/auth/tiktok">
      Sign in
    </a>
  );
}
