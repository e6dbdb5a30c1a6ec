import Link from 'next/link';

export default function ShowcaseNotFound() {
  return (
    <main className="container" style={{ textAlign: 'center', paddingTop: '4rem' }}>
      <h1>This showcase isn&apos;t here</h1>
      <p className="muted">The creator may have unpublished it, or the link is mistyped.</p>
      <Link className="button button-primary" href="/">
        Go to Showreel
      </Link>
    </main>
  );
}
