import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { PublicShowcaseView } from '@/app/(public)/_components/public-showcase';
import { paths } from '@/lib/platform/http/paths';
import { getPublicShowcase } from '@/lib/showcase/public';
import { shareMetadata } from '@/lib/showcase/share-metadata';

type Props = { params: Promise<{ handle: string; slug: string }> };

// A showcase other than the default, cached and dropped like the default's page (its own tag).
export const revalidate = 300;

export async function generateStaticParams(): Promise<Array<{ handle: string; slug: string }>> {
  return [];
}

async function load(params: Props['params']) {
  const { handle, slug } = await params;
  return getPublicShowcase(handle, slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const showcase = await load(params);
  if (!showcase) return { title: 'Showcase not found', robots: { index: false } };
  return shareMetadata(showcase);
}

export default async function NamedShowcasePage({ params }: Props) {
  const showcase = await load(params);
  if (!showcase) notFound();
  // The default's one address is the handle's.
  if (showcase.showcase.isDefault) permanentRedirect(paths.publicPage(showcase.user.handle));
  return <PublicShowcaseView showcase={showcase} />;
}
