import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCreator } from '@/lib/account/current';
import { embedScript } from '@/lib/embed/script';
import { env } from '@/lib/platform/config/env';
import { HttpError } from '@/lib/platform/http/errors';
import { showcaseDetail } from '@/lib/showcase/showcases';
import { ShowcaseEditor } from './_components/showcase-editor';

export const metadata: Metadata = { title: 'Edit showcase', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function ShowcasePage({ params }: Props) {
  const creator = await requireCreator();
  const detail = await showcaseDetail(creator.id, (await params).id).catch((e) => {
    // Another creator's showcase, or none: the same "not here" as any unknown page.
    if (e instanceof HttpError && e.code === 'not_found') notFound();
    throw e;
  });
  return (
    <main className="container">
      <p>
        <Link href="/dashboard">← All showcases</Link>
      </p>
      <h1>{detail.showcase.title}</h1>
      <ShowcaseEditor initial={detail} appUrl={env().appUrl} handle={creator.handle} scriptVersion={embedScript.version} />
    </main>
  );
}
