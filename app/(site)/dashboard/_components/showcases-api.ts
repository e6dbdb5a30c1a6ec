import type { ShowcaseDto } from '@/lib/showcase/showcases';
import type { ShowcaseEntry } from '@/lib/showcase/types';
import { apiFetch } from '../../../_components/api-fetch';

// The dashboard's calls to /api/showcases, with the SWR keys the list and each editor share.

export type { ShowcaseDto };
export type ShowcaseDetail = { showcase: ShowcaseDto; items: ShowcaseEntry[] };

export const SHOWCASES_KEY = '/api/showcases';
export const showcaseKey = (id: string) => `/api/showcases/${encodeURIComponent(id)}`;

export const getShowcases = () => apiFetch<{ showcases: ShowcaseDto[] }>(SHOWCASES_KEY);
export const getShowcase = (id: string) => apiFetch<ShowcaseDetail>(showcaseKey(id));
export const createShowcase = (input: Record<string, unknown>) => apiFetch<{ showcase: ShowcaseDto }>(SHOWCASES_KEY, { method: 'POST', json: input });
export const patchShowcase = (id: string, patch: Record<string, unknown>) =>
  apiFetch<{ showcase: ShowcaseDto }>(showcaseKey(id), { method: 'PATCH', json: patch });
export const deleteShowcase = (id: string) => apiFetch<null>(showcaseKey(id), { method: 'DELETE' });
export const putItems = (id: string, items: Array<{ videoId?: string; url?: string; link?: { url: string; label: string } }>) =>
  apiFetch<ShowcaseDetail>(`${showcaseKey(id)}/items`, { method: 'PUT', json: { items } });
export const refreshNow = () => apiFetch<{ refreshed: boolean; showcases: ShowcaseDto[] }>('/api/showcases/refresh', { method: 'POST' });
