import type { ReactNode } from 'react';
import { SignInLink, SiteHeader } from '@/app/_components/site-header';

/**
 * The landing page is the same for everyone, so it is prerendered: this header reads no session
 * (signed-in creators never see it: proxy.ts sends them on to their dashboard).
 */
export default function LandingLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader>
        <SignInLink />
      </SiteHeader>
      {children}
    </>
  );
}
