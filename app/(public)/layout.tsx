import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/app/_components/site-header';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {/* A visitor rarely leaves for the landing page: no prefetch of it while the showcase loads. */}
      <SiteHeader prefetch={false}>
        <Link className="button button-ghost" href="/" prefetch={false}>
          Make your own
        </Link>
      </SiteHeader>
      {children}
    </>
  );
}
