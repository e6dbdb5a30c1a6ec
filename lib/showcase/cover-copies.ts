import 'server-only';
import { tryCopyImage } from '../images/copy';
import { imageStore } from '../images/store';
import { db } from '../platform/db/client';
import { cdnSource } from '../tiktok/cdn';

/** Copies made at once by one save or sync: the CDN is asked a few pictures at a time. */
const PARALLEL = 4;

export type CoverCopy = { coverHash: string; coverSource: string };

/**
 * The copies of these videos' covers, made from the fresh signed URLs TikTok just gave (save, sync).
 * A cover whose CDN address has not changed and whose copy is stored is not fetched again. A video
 * missing from the answer keeps its previous copy (or the placeholder): the copy failed, one warning
 * was logged, and the next sync tries again.
 */
export async function copyCovers(userId: string, videos: Array<{ id: string; coverUrl: string }>): Promise<Map<string, CoverCopy>> {
  const previous = new Map(
    (await db.video.findMany({ where: { userId, id: { in: videos.map((v) => v.id) } }, select: { id: true, coverHash: true, coverSource: true } })).map((v) => [
      v.id,
      v,
    ]),
  );
  const result = new Map<string, CoverCopy>();
  const queue = [...videos];
  const worker = async () => {
    for (let v = queue.shift(); v; v = queue.shift()) {
      const source = v.coverUrl ? cdnSource(v.coverUrl) : null;
      if (!source) continue;
      const before = previous.get(v.id);
      if (before?.coverHash && before.coverSource === source && (await imageStore.has(before.coverHash))) {
        result.set(v.id, { coverHash: before.coverHash, coverSource: source });
        continue;
      }
      const hash = await tryCopyImage('cover', v.coverUrl, `the cover of video ${v.id}`);
      if (hash) result.set(v.id, { coverHash: hash, coverSource: source });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, videos.length) }, worker));
  return result;
}
