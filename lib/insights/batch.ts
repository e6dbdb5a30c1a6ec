import type { EventType } from './schema';

// Counts waiting to be added to the rollups: one entry per showcase and day, whatever the number of
// events, so a flush writes as many rows as there are showcases, videos and sources seen, never one
// per event.

/** One counted event, as the stores keep it (no IP, no User-Agent: at most the visitor's hash). */
export type Counted = {
  showcaseId: string;
  day: string;
  type: EventType;
  videoId?: string;
  host?: string | null;
  /** The day's salted hash of the visitor (a view without GPC or DNT), else null. */
  visitor?: string | null;
};

export type Entry = {
  showcaseId: string;
  day: string;
  views: number;
  /** Visitors already known to be new (Redis' set said so); the database table decides for `hashes`. */
  visitors: number;
  plays: number;
  linkClicks: number;
  videos: Map<string, { plays: number; linkClicks: number }>;
  sources: Map<string, number>;
  /** Visitor hashes not yet checked against the day's table (the mode without Redis). */
  hashes: Set<string>;
};

export function emptyEntry(showcaseId: string, day: string): Entry {
  return { showcaseId, day, views: 0, visitors: 0, plays: 0, linkClicks: 0, videos: new Map(), sources: new Map(), hashes: new Set() };
}

export class Batch {
  readonly entries = new Map<string, Entry>();
  events = 0;

  entry(showcaseId: string, day: string): Entry {
    const key = `${day}|${showcaseId}`;
    const found = this.entries.get(key);
    if (found) return found;
    const e = emptyEntry(showcaseId, day);
    this.entries.set(key, e);
    return e;
  }

  add(c: Counted): void {
    const e = this.entry(c.showcaseId, c.day);
    this.events += 1;
    if (c.type === 'view') {
      e.views += 1;
      if (c.host) e.sources.set(c.host, (e.sources.get(c.host) ?? 0) + 1);
      if (c.visitor) e.hashes.add(c.visitor);
      return;
    }
    if (!c.videoId) return;
    const v = e.videos.get(c.videoId) ?? { plays: 0, linkClicks: 0 };
    if (c.type === 'play') {
      e.plays += 1;
      v.plays += 1;
    } else {
      e.linkClicks += 1;
      v.linkClicks += 1;
    }
    e.videos.set(c.videoId, v);
  }

  /** Puts another batch's counts back in (a flush that failed is tried again with the next). */
  merge(other: Batch): void {
    this.events += other.events;
    for (const o of other.entries.values()) {
      const e = this.entry(o.showcaseId, o.day);
      e.views += o.views;
      e.visitors += o.visitors;
      e.plays += o.plays;
      e.linkClicks += o.linkClicks;
      for (const [id, v] of o.videos) {
        const mine = e.videos.get(id) ?? { plays: 0, linkClicks: 0 };
        e.videos.set(id, { plays: mine.plays + v.plays, linkClicks: mine.linkClicks + v.linkClicks });
      }
      for (const [host, n] of o.sources) e.sources.set(host, (e.sources.get(host) ?? 0) + n);
      for (const h of o.hashes) e.hashes.add(h);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
