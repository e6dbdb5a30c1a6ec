import type { ReactNode } from 'react';
import './player.css';

/** Chrome-free pages meant for a mobile app's webview. */
export default function PlayerLayout({ children }: { children: ReactNode }) {
  return <div className="webview">{children}</div>;
}
