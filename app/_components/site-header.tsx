import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The bar above every page with chrome: the brand (linking to `brandHref`) and one action.
 * `prefetch={false}` where few follow the brand (a visitor's public page): nothing is fetched for it
 * while the page loads.
 */
export function SiteHeader({ brandHref = '/', prefetch, children }: { brandHref?: string; prefetch?: false; children: ReactNode }) {
  return (
    <header className="site-header">
      <Link className="brand" href={brandHref} prefetch={prefetch}>
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
