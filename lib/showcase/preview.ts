import 'server-only';
import { db } from '../platform/db/client';
import { candidatesOf, ensureCandidates } from './candidates';
import { pickByRule } from './rules';
import type { Rule } from './schema';

export type PreviewVideo = {
  videoId: string;
  title: string;
  description: string;
  coverUrl: string;
  createdAt: string;
  viewCount: number | null;
  aiGenerated: boolean;
};

/**
 * What a rule would pick right now, after `pinned`: the dashboard's live preview, computed by the
 * very function the sync uses. Covers are TikTok's signed URLs (the creator's own dashboard may show
 * them; visitors never see this).
 */
export async function previewRule(userId: string, rule: Rule, pinned: string[] = []): Promise<PreviewVideo[]> {
  await ensureCandidates(userId);
  const ids = pickByRule(rule, await candidatesOf(userId), pinned);
  const rows = await db.video.findMany({ where: { userId, id: { in: ids } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const v = byId.get(id);
    return v
      ? [
          {
            videoId: v.id,
            title: v.title,
            description: v.description,
            coverUrl: v.coverUrl,
            createdAt: v.createTime.toISOString(),
            viewCount: v.viewCount === null ? null : Number(v.viewCount),
            aiGenerated: v.aiGenerated,
          },
        ]
      : [];
  });
}
