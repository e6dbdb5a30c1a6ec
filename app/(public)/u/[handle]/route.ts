import { showcaseResponse } from '@/app/(public)/_components/showcase-response';

type Context = { params: Promise<{ handle: string }> };

// The creator's default showcase, a plain HTML document (app/(public)/_components/page-document.ts).
// Served from the cache and rendered again when the creator changes it (its tags), or within 5
// minutes of a background sync. Covers and the avatar are the app's own copies at content-addressed
// URLs, so a cached page never points at an expired TikTok URL.
export const revalidate = 300;

/** No page is built ahead of time; each is rendered on first view, then cached. */
export async function generateStaticParams(): Promise<Array<{ handle: string }>> {
  return [];
}

export async function GET(_request: Request, { params }: Context) {
  return showcaseResponse((await params).handle, null);
}
