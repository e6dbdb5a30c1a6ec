import Link from 'next/link';
import type { ReactNode } from 'react';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <Link className="brand" href="/">
          Show<span>reel</span>
        </Link>
        <Link className="button button-ghost" href="/">
          Make your own
        </Link>
      </header>
      {children}
    </>
  );
}
