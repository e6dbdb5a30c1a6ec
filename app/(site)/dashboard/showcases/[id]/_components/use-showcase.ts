'use client';

import useSWR from 'swr';
import { getShowcase, type ShowcaseDetail, showcaseKey } from '../../../_components/showcases-api';

/**
 * One showcase and its items, shared by every part of its editor (one SWR entry). Read again when
 * the editor opens: what SWR kept from an earlier visit may be older than the server's answer.
 */
export function useShowcase(initial: ShowcaseDetail) {
  return useSWR(showcaseKey(initial.showcase.id), () => getShowcase(initial.showcase.id), {
    fallbackData: initial,
    revalidateOnFocus: false,
  });
}
