/** Placeholder cards while the recent videos stream in from TikTok. */
export function VideoGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <section aria-busy="true" aria-label="Loading your videos">
      <div className="section-title">
        <h2>Recent videos</h2>
      </div>
      <ul className="grid">
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders with no identity of their own; a position is all they have
          <li key={i} className="skeleton" style={{ aspectRatio: '9 / 16' }} />
        ))}
      </ul>
    </section>
  );
}
