import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import './app.css';

export const metadata: Metadata = {
  title: { default: 'Showreel: your best TikToks on one page', template: '%s · Showreel' },
  description: 'Sign in with TikTok, pick your best videos, and share them on a public showcase page.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f0f12' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
