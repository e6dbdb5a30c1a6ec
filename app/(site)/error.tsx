'use client';

export default function SiteError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="container" style={{ textAlign: 'center', paddingTop: '4rem' }}>
      <h1>Something went wrong</h1>
      <p className="muted">Nothing you saved was lost. Please try again.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
