'use client';

export default function ShowcaseError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="container" style={{ textAlign: 'center', paddingTop: '4rem' }}>
      <h1>This showcase couldn&apos;t load</h1>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
