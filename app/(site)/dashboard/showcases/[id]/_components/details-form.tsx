'use client';

import { useState } from 'react';
import { descriptionSchema, slugSchema, titleSchema } from '@/lib/showcase/schema';
import { useHydrated } from '../../../../../_components/use-hydrated';
import { patchShowcase } from '../../../_components/showcases-api';
import { useStatus } from './status-line';
import type { useShowcase } from './use-showcase';

type Props = { swr: ReturnType<typeof useShowcase> };

/** Title, address and description, checked with the route's own schemas before they are sent. */
export function DetailsForm({ swr }: Props) {
  const showcase = swr.data?.showcase;
  const [title, setTitle] = useState(showcase?.title ?? '');
  const [slug, setSlug] = useState(showcase?.slug ?? '');
  const [description, setDescription] = useState(showcase?.description ?? '');
  const { run, say, line, busy } = useStatus();
  const hydrated = useHydrated();
  if (!showcase) return null;

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    for (const [field, schema, value] of [
      ['Title', titleSchema, title],
      ['Address', slugSchema, slug],
      ['Description', descriptionSchema, description],
    ] as const) {
      const r = schema.safeParse(value);
      if (!r.success) return say({ kind: 'error', text: `${field}: ${r.error.issues[0].message}.` });
    }
    await run(
      'Saving…',
      async () => {
        await patchShowcase(showcase.id, { title: title.trim(), slug, description: description.trim() });
        await swr.mutate();
        return 'Details saved.';
      },
      "Couldn't save the details",
    );
  };

  return (
    <form className="panel details-form" onSubmit={save} aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={80} required />
      </label>
      {!showcase.isDefault && (
        <label>
          Address (after /u/your-handle/)
          <input value={slug} onChange={(e) => setSlug(e.target.value.toLowerCase())} maxLength={40} required pattern="[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?" />
        </label>
      )}
      <label>
        Description (optional)
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} maxLength={300} rows={2} />
      </label>
      <button type="submit" className="primary" disabled={busy || !hydrated}>
        Save details
      </button>
      {line}
    </form>
  );
}
