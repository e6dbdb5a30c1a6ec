import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { env } from '@/lib/platform/config/env';
import './sandbox.css';

export const metadata = { title: 'TikTok (sandbox)', robots: { index: false } };

/** The built-in TikTok: only served when no real credentials are configured. */
export default function SandboxLayout({ children }: { children: ReactNode }) {
  if (!env().sandbox) notFound();
  return (
    <div className="sbx">
      <header className="sbx-bar">
        <span className="sbx-logo" aria-hidden="true">
          ♪
        </span>{' '}
        TikTok <span className="sbx-tag">sandbox</span>
      </header>
      <main className="sbx-main">{children}</main>
    </div>
  );
}
