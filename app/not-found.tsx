import Link from 'next/link';
import { SignInLink, SiteHeader } from './_components/site-header';

export default function NotFound() {
  return (
    <>
      <SiteHeader>
        <SignInLink />
      </SiteHeader>
      <main className="container" style={{ textAlign: 'center', paddingTop: '5rem' }}>
        <h1>This page isn&apos;t here</h1>
        <p className="muted">The link may be mistyped, or the page was removed.</p>
        <Link className="button button-primary" href="/">
          Go to Showreel
        </Link>
      </main>
    </>
  );
}
