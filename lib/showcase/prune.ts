import 'server-only';
import { releaseImages } from '../images/retention';
import { db } from '../platform/db/client';
import { LINKED } from '../videos/linked';
import { hasRuleShowcase } from './candidates';
import { RULE_CANDIDATES } from './schema';

/**
 * After a showcase changed: a video no showcase shows loses its cover copy (deleted at once when
 * nothing else names it), and its row goes unless it is among the newest candidates a rule of the
 * creator's reads (a creator with manual showcases only keeps no row a showcase does not show), or
 * was added by link.
 */
export async function pruneVideos(userId: string): Promise<void> {
  const rules = await hasRuleShowcase(userId);
  const [shown, newest, withCopy] = await Promise.all([
    db.showcaseItem.findMany({ where: { userId }, select: { videoId: true }, distinct: ['videoId'] }),
    rules
      ? db.video.findMany({
          where: { userId, source: { not: LINKED } },
          orderBy: [{ createTime: 'desc' }, { id: 'desc' }],
          take: RULE_CANDIDATES,
          select: { id: true },
        })
      : Promise.resolve([]),
    db.video.findMany({ where: { userId, coverHash: { not: null } }, select: { id: true, coverHash: true } }),
  ]);
  const inShowcase = new Set(shown.map((s) => s.videoId));
  const keep = new Set([...inShowcase, ...newest.map((v) => v.id)]);
  const uncopied = withCopy.filter((v) => !inShowcase.has(v.id));
  await db.$transaction([
    // Videos added by link stay: they are the picker of a creator without video.list.
    db.video.deleteMany({ where: { userId, id: { notIn: [...keep] }, source: { not: LINKED } } }),
    ...(uncopied.length
      ? [db.video.updateMany({ where: { userId, id: { in: uncopied.map((v) => v.id) } }, data: { coverHash: null, coverSource: null } })]
      : []),
  ]);
  await releaseImages(uncopied.map((v) => v.coverHash));
}
