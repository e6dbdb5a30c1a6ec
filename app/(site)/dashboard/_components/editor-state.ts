import type { ShowcaseEntry } from '@/lib/showcase/types';
import { apiFetch } from '../../../_components/api-fetch';

/** GET/PUT/PATCH /api/showcase: the saved showcase and whether the page is public. */
export type EditorState = { items: ShowcaseEntry[]; published: boolean; publishedAt: string | null };

/** The SWR key the picker, the publish switch and the Share panel share. */
export const EDITOR_KEY = '/api/showcase';

export const getEditorState = () => apiFetch<EditorState>(EDITOR_KEY);
export const putShowcase = (videoIds: string[]) => apiFetch<EditorState>(EDITOR_KEY, { method: 'PUT', json: { videoIds } });
export const patchPublished = (published: boolean) => apiFetch<EditorState>(EDITOR_KEY, { method: 'PATCH', json: { published } });

/** A draft has never been published: its first save of a non-empty showcase publishes it. */
export const isDraft = (s: Pick<EditorState, 'publishedAt'>) => s.publishedAt === null;
