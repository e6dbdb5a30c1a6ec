import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/app/_components/site-header';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader>
        <Link className="button button-ghost" href="/">
          Make your own
        </Link>
      </SiteHeader>
      {children}
    </>
  );
}
