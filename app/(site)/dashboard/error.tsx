'use client';

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="container">
      <div className="notice error" role="alert">
        <p>Something went wrong while loading your dashboard. Your showcase is safe.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}
