export default function ShowcaseLoading() {
  return (
    <main className="container" aria-busy="true">
      <div className="skeleton" style={{ height: '3rem', maxWidth: '16rem', margin: '2rem auto' }} />
    </main>
  );
}
