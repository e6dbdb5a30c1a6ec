import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { QrLogin } from '@/app/(site)/login/qr/_components/qr-login';
import { currentUserId } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in with QR code', robots: { index: false } };

export default async function QrLoginPage() {
  if (await currentUserId()) redirect('/dashboard');
  return (
    <main className="container" style={{ maxWidth: '36rem', textAlign: 'center' }}>
      <h1 style={{ marginTop: '2rem' }}>Sign in with QR code</h1>
      <p className="muted">Open TikTok on your phone, tap the scan icon, and point it at this code.</p>
      <QrLogin />
      <p className="muted">
        Or <Link href="/api/auth/tiktok">continue with TikTok in this browser</Link>.
      </p>
    </main>
  );
}
