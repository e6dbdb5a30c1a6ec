import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PublicShowcaseView } from '@/app/(public)/_components/public-showcase';
import { getPublicShowcase } from '@/lib/showcase/public';
import { shareMetadata } from '@/lib/showcase/share-metadata';

type Props = { params: Promise<{ handle: string }> };

// The creator's default showcase. Served from the cache and re-rendered when the creator changes it
// (its tags), or within 5 minutes of a background sync. Covers and the avatar are the app's own
// copies at content-addressed URLs, so a cached page never points at an expired TikTok URL.
export const revalidate = 300;

/** No page is built ahead of time; each is rendered on first view, then cached. */
export async function generateStaticParams(): Promise<Array<{ handle: string }>> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const showcase = await getPublicShowcase((await params).handle);
  if (!showcase) return { title: 'Showcase not found', robots: { index: false } };
  return shareMetadata(showcase);
}

export default async function PublicShowcasePage({ params }: Props) {
  const showcase = await getPublicShowcase((await params).handle);
  if (!showcase) notFound();
  return <PublicShowcaseView showcase={showcase} />;
}
