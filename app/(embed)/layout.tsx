import type { ReactNode } from 'react';
import './embed.css';

/** Chrome-free pages meant to be framed by other websites (see next.config.mjs's frame-ancestors). */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return children;
}
