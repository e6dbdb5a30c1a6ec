import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HandoffRedeemer } from '@/app/(site)/auth/_components/handoff-redeemer';

export const metadata: Metadata = { title: 'Signing in', robots: { index: false } };

/** Where a native app's webview lands after the deeplink: `/auth?handoff=…`. */
export default function AuthPage() {
  return (
    <main className="container" style={{ textAlign: 'center', paddingTop: '4rem' }}>
      <h1>Signing in to Showreel</h1>
      <Suspense fallback={<p role="status">Signing you in…</p>}>
        <HandoffRedeemer />
      </Suspense>
    </main>
  );
}
