import { describe, expect, it } from 'vitest';
import { type Candidate, hasHashtag, parseRule, pickByRule } from '@/lib/showcase/rules';
import { ruleSchema } from '@/lib/showcase/schema';

const day = (n: number) => new Date(Date.UTC(2026, 10, n));
const video = (id: string, n: number, extra: Partial<Candidate> = {}): Candidate => ({
  id,
  description: '',
  createdAt: day(n),
  viewCount: null,
  likeCount: null,
  aiGenerated: false,
  available: true,
  ...extra,
});

describe('pickByRule', () => {
  const videos = [
    video('1', 1, { viewCount: 50, likeCount: 9, description: 'first #Cats' }),
    video('2', 2, { viewCount: 900, likeCount: 1, description: 'no tag #catnip' }),
    video('3', 3, { viewCount: 10, likeCount: 30, description: 'hello #cats and more' }),
    video('4', 4, { viewCount: 400, aiGenerated: true, description: '#cats by a machine' }),
    video('5', 5, { viewCount: 700, available: false, description: '#cats gone' }),
    video('6', 6, { viewCount: 0, description: 'newest' }),
  ];

  it('latest: the newest count, newest first, unavailable ones left out', () => {
    expect(pickByRule({ kind: 'latest', count: 3, excludeAiGenerated: false }, videos)).toEqual(['6', '4', '3']);
  });

  it('top: ordered by views (or likes), not by date', () => {
    expect(pickByRule({ kind: 'top', count: 3, by: 'views', excludeAiGenerated: false }, videos)).toEqual(['2', '4', '1']);
    expect(pickByRule({ kind: 'top', count: 2, by: 'likes', excludeAiGenerated: false }, videos)).toEqual(['3', '1']);
  });

  it('hashtag: whole tags only, case-insensitive, newest first', () => {
    expect(pickByRule({ kind: 'hashtag', count: 10, tag: 'cats', excludeAiGenerated: false }, videos)).toEqual(['4', '3', '1']);
  });

  it('excludes AI-generated videos when the rule says so', () => {
    expect(pickByRule({ kind: 'hashtag', count: 10, tag: 'cats', excludeAiGenerated: true }, videos)).toEqual(['3', '1']);
  });

  it('pinned videos are not picked again (they come first, outside the count)', () => {
    expect(pickByRule({ kind: 'latest', count: 2, excludeAiGenerated: false }, videos, ['6'])).toEqual(['4', '3']);
  });

  it('manual adds nothing', () => {
    expect(pickByRule({ kind: 'manual', excludeAiGenerated: false }, videos)).toEqual([]);
  });
});

describe('rules as input', () => {
  it('normalizes a hashtag and refuses a bad count or tag naming the field', () => {
    expect(ruleSchema.parse({ kind: 'hashtag', count: 5, tag: '#Cats' })).toEqual({ kind: 'hashtag', count: 5, tag: 'cats', excludeAiGenerated: false });
    const badCount = ruleSchema.safeParse({ kind: 'latest', count: 51 });
    expect(badCount.success || badCount.error.issues[0].path).toEqual(['count']);
    const badTag = ruleSchema.safeParse({ kind: 'hashtag', count: 5, tag: 'two words' });
    expect(badTag.success || badTag.error.issues[0].path).toEqual(['tag']);
    expect(ruleSchema.safeParse({ kind: 'random', count: 5 }).success).toBe(false);
  });

  it('reads an unparseable stored rule as manual', () => {
    expect(parseRule('{"kind":"latest","count":5}')).toMatchObject({ kind: 'latest', count: 5 });
    expect(parseRule('not json').kind).toBe('manual');
  });

  it('matches a hashtag at the end and before punctuation', () => {
    expect(hasHashtag('love it #Cats', 'cats')).toBe(true);
    expect(hasHashtag('#cats, dogs', 'cats')).toBe(true);
    expect(hasHashtag('#cats_club', 'cats')).toBe(false);
  });
});
