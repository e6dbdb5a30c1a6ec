'use client';

import useSWR from 'swr';
import { getShowcase, type ShowcaseDetail, showcaseKey } from '../../../_components/showcases-api';

/** One showcase and its items, shared by every part of its editor (one SWR entry). */
export function useShowcase(initial: ShowcaseDetail) {
  return useSWR(showcaseKey(initial.showcase.id), () => getShowcase(initial.showcase.id), {
    fallbackData: initial,
    revalidateOnMount: false,
    revalidateOnFocus: false,
  });
}
