'use client';

import useSWR from 'swr';
import { EDITOR_KEY, type EditorState, getEditorState } from './editor-state';

/** The editor's shared state, seeded by the server render; every part of the dashboard reads the same cache entry. */
export function useEditorState(initial: EditorState) {
  return useSWR<EditorState>(EDITOR_KEY, getEditorState, { fallbackData: initial, revalidateOnMount: false, revalidateOnFocus: false });
}
