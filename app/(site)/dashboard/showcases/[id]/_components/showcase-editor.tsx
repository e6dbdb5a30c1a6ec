'use client';

import { SharePanel } from '../../../_components/share-panel';
import type { ShowcaseDetail } from '../../../_components/showcases-api';
import { DetailsForm } from './details-form';
import { ItemsEditor } from './items-editor';
import { RuleEditor } from './rule-editor';
import { ShowcaseControls } from './showcase-controls';
import { useShowcase } from './use-showcase';

type Props = { initial: ShowcaseDetail; appUrl: string; handle: string; scriptVersion: string };

/** One showcase: its switch, details, rule with live preview, videos, and its own Share and embed. */
export function ShowcaseEditor({ initial, appUrl, handle, scriptVersion }: Props) {
  const swr = useShowcase(initial);
  const showcase = swr.data?.showcase ?? initial.showcase;
  return (
    <>
      <ShowcaseControls swr={swr} />
      <div className="layout-2 showcase-editor">
        <div className="stack">
          <RuleEditor swr={swr} />
          <ItemsEditor swr={swr} />
        </div>
        <DetailsForm swr={swr} />
      </div>
      {showcase.published && <SharePanel appUrl={appUrl} handle={handle} scriptVersion={scriptVersion} slug={showcase.isDefault ? null : showcase.slug} />}
    </>
  );
}
