'use client';

import { formatDate } from '@/lib/platform/format';
import { useHydrated } from './use-hydrated';

/**
 * A date in the viewer's own time zone. The server renders it in UTC (it cannot know the zone);
 * once hydrated the browser re-renders it in its own, so the two never disagree during hydration.
 */
export function LocalDate({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const hydrated = useHydrated();
  return <time dateTime={iso}>{formatDate(iso, { local: hydrated, withTime })}</time>;
}
