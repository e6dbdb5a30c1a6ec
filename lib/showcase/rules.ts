import { MANUAL_RULE, type Rule, ruleSchema } from './schema';

// What a rule picks, as a pure function of the creator's recent videos: the sync, a save and the
// dashboard's live preview all ask this one function, so the preview is what the page will show.

export type Candidate = {
  id: string;
  description: string;
  createdAt: Date;
  viewCount: number | null;
  likeCount: number | null;
  aiGenerated: boolean;
  available: boolean;
};

/** Whether a description carries `#tag` (case-insensitive, a whole tag: #cat is not in #catnip). */
export function hasHashtag(description: string, tag: string): boolean {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`#${escaped}(?![\\p{L}\\p{N}_])`, 'iu').test(description);
}

const newestFirst = (a: Candidate, b: Candidate) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);

/**
 * The ids a rule adds after the pinned videos, in order, without the pinned ones: the newest `count`
 * (latest), the `count` most viewed or liked (top), or the newest `count` tagged `#tag` (hashtag).
 * Only available videos count, and AI-generated ones not when the rule excludes them. A manual
 * showcase adds nothing: its list is the creator's.
 */
export function pickByRule(rule: Rule, candidates: Candidate[], pinned: string[] = []): string[] {
  if (rule.kind === 'manual') return [];
  const skip = new Set(pinned);
  const pool = candidates.filter((c) => c.available && !skip.has(c.id) && !(rule.excludeAiGenerated && c.aiGenerated)).sort(newestFirst);
  const chosen =
    rule.kind === 'latest'
      ? pool
      : rule.kind === 'hashtag'
        ? pool.filter((c) => hasHashtag(c.description, rule.tag))
        : [...pool].sort((a, b) => {
            const metric = (c: Candidate) => (rule.by === 'likes' ? c.likeCount : c.viewCount) ?? 0;
            return metric(b) - metric(a) || newestFirst(a, b);
          });
  return chosen.slice(0, rule.count).map((c) => c.id);
}

/** A stored rule; a row written by an older version that no longer parses reads as manual. */
export function parseRule(json: string): Rule {
  try {
    const parsed = ruleSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : MANUAL_RULE;
  } catch {
    return MANUAL_RULE;
  }
}

/** The rule in words, for the dashboard's list. */
export function describeRule(rule: Rule): string {
  const ai = rule.excludeAiGenerated ? ', no AI-generated videos' : '';
  switch (rule.kind) {
    case 'manual':
      return `Your picks, in your order${ai}`;
    case 'latest':
      return `Your ${rule.count} newest videos${ai}`;
    case 'top':
      return `Your ${rule.count} most ${rule.by === 'likes' ? 'liked' : 'viewed'} recent videos${ai}`;
    case 'hashtag':
      return `Your ${rule.count} newest videos tagged #${rule.tag}${ai}`;
  }
}
