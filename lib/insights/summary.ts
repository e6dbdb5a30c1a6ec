import type { Outcome } from './ingest';

// What the logs say about ingestion, once a minute when anything happened: how many events were
// counted, ignored (bots, prefetches, showcases that are not published) and dropped (over the
// per-client limit). Never who sent them.

type Tally = Record<Outcome, number> & { added: number; since: number };
const g = globalThis as unknown as { showreelInsightsSummary?: Tally };
const tally = (): Tally => (g.showreelInsightsSummary ??= { counted: 0, ignored: 0, dropped: 0, added: 0, since: Date.now() });

export function tallyOutcome(outcome: Outcome): void {
  tally()[outcome] += 1;
}

export function tallyAdded(events: number): void {
  tally().added += events;
}

/** The summary line, when a minute has passed (or `force`) and there is something to say; then starts over. */
export function takeSummary(now = Date.now(), force = false): string | null {
  const t = tally();
  if (!force && now - t.since < 60_000) return null;
  const line =
    t.counted || t.ignored || t.dropped || t.added
      ? `[insights] ${t.counted} event(s) counted, ${t.ignored} ignored (bots, prefetches, unpublished showcases), ${t.dropped} dropped (over the per-client limit), ${t.added} added to the rollups`
      : null;
  g.showreelInsightsSummary = { counted: 0, ignored: 0, dropped: 0, added: 0, since: now };
  return line;
}
