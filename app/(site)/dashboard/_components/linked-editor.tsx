'use client';

import type { VideoPageDto } from '@/lib/videos/types';
import { AddByLink } from './add-by-link';
import type { EditorState } from './editor-state';
import { ShowcasePicker } from './showcase-picker';

const LABELS = {
  title: 'Videos added by link',
  empty: 'No videos yet: add one of yours by its TikTok link.',
  end: 'Add more by link above.',
};

/** The showcase editor with "Add by link" in place of the recent videos a creator without video.list cannot list. */
export function LinkedEditor({ initialPage, initialState }: { initialPage: VideoPageDto; initialState: EditorState }) {
  return <ShowcasePicker initialPage={initialPage} initialState={initialState} gridLabels={LABELS} addon={(onAdded) => <AddByLink onAdded={onAdded} />} />;
}
