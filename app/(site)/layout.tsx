import type { ReactNode } from 'react';
import { SignInLink, SiteHeader } from '@/app/_components/site-header';
import { currentUserId } from '@/lib/auth/session';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const signedIn = Boolean(await currentUserId());
  return (
    <>
      <SiteHeader brandHref={signedIn ? '/dashboard' : '/'}>
        {signedIn ? (
          <form method="post" action="/api/auth/logout">
            <button type="submit" className="ghost">
              Sign out
            </button>
          </form>
        ) : (
          <SignInLink />
        )}
      </SiteHeader>
      {children}
    </>
  );
}
