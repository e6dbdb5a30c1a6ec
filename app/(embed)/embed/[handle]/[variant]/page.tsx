import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InsightsBeacon } from '@/app/_components/insights-beacon';
import { EmbedShowcase } from '@/app/(embed)/_components/embed-showcase';
import { fromVariant } from '@/lib/embed/options';
import { getPublicShowcase } from '@/lib/showcase/public';
import { handleSchema } from '@/lib/showcase/schema';
import { shareMetadata } from '@/lib/showcase/share-metadata';

type Props = { params: Promise<{ handle: string; variant: string }> };

// proxy.ts turns `/embed/{handle}?layout=…` into this path, so each combination of options is cached
// like the public page, and dropped with it (the showcase's cache tag) whenever the creator changes it.
export const revalidate = 300;

export async function generateStaticParams(): Promise<Array<{ handle: string; variant: string }>> {
  return [];
}

async function load(params: Props['params']) {
  const { handle, variant } = await params;
  const options = fromVariant(variant);
  const h = handleSchema.safeParse(handle);
  if (!options || !h.success) return null;
  const showcase = await getPublicShowcase(h.data, options.showcase || null);
  // A showcase asked for by its slug that is the default is shown only under the handle alone.
  if (!showcase || (options.showcase && showcase.showcase.isDefault)) return null;
  return { showcase, options };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  if (!found) return { title: 'Showcase not available', robots: { index: false } };
  return { ...shareMetadata(found.showcase), robots: { index: false } };
}

export default async function EmbedPage({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { showcase, options } = found;
  return (
    <>
      <EmbedShowcase
        handle={showcase.user.handle}
        creator={{ displayName: showcase.user.displayName, username: showcase.user.username, avatar: showcase.user.avatar }}
        items={showcase.items.slice(0, options.max)}
        options={options}
      />
      <InsightsBeacon showcaseId={showcase.showcase.id} />
    </>
  );
}
