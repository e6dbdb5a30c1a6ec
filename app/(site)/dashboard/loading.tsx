import { VideoGridSkeleton } from './_components/video-grid-skeleton';

export default function DashboardLoading() {
  return (
    <main className="container">
      <div className="profile">
        <div className="avatar skeleton" />
        <div className="skeleton" style={{ width: '12rem', height: '2rem' }} />
      </div>
      <VideoGridSkeleton />
    </main>
  );
}
