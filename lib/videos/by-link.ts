import 'server-only';
import { releaseImages } from '../images/retention';
import { db } from '../platform/db/client';
import { HttpError } from '../platform/http/errors';
import { getOEmbed } from '../tiktok/client';
import { isTikTokError } from '../tiktok/errors';
import { parseVideoLink, resolveShortLink } from '../tiktok/links';
import { parseScopes, SCOPES } from '../tiktok/scopes';
import type { TikTokOEmbed } from '../tiktok/types';
import { copyThumbnail, createdAtOf, LINKED, linkedRow, thumbnailSrc } from './linked';
import type { VideoCard } from './types';

// Adding a video by its TikTok link: a showcase without the Display API (video.list). The link is
// read, a short link resolved on TikTok's hosts only, and TikTok's public oEmbed says whose video
// it is; only the creator's own is kept. Nothing is stored on a refusal.

const refuse = (message: string) => new HttpError('bad_request', message);

const WORDS = {
  notTikTok: "That isn't a link to a TikTok video. Paste the video's link from TikTok, like https://www.tiktok.com/@you/video/7234567890123456789.",
  needsProfile:
    "Showreel can't check that this video is yours: you didn't allow it to read your TikTok username (user.info.profile). Reconnect TikTok and allow your profile to add videos by link.",
  leavesTikTok: "That short link doesn't lead to TikTok, so Showreel won't follow it. Paste the video's own TikTok link.",
  notAVideo: "That short link doesn't lead to a TikTok video.",
  unavailable: "TikTok doesn't show this video publicly: it may be private, deleted, or the link may be wrong.",
  someoneElses: (author: string) => `This video is @${author}'s, not yours: only your own videos can go in your showcase.`,
};

/** The canonical video URL a pasted link stands for (a short link resolved through TikTok's redirects). */
async function videoUrlOf(url: string): Promise<string> {
  const link = parseVideoLink(url);
  if (!link) throw refuse(WORDS.notTikTok);
  if (link.kind === 'video') return link.url;
  try {
    return (await resolveShortLink(link.url)).url;
  } catch (e) {
    if (!isTikTokError(e, 'invalid')) throw e;
    throw refuse(e.code === 'link_leaves_tiktok' ? WORDS.leavesTikTok : e.code === 'link_dead' ? WORDS.unavailable : WORDS.notAVideo);
  }
}

async function oembedOf(videoUrl: string): Promise<TikTokOEmbed> {
  try {
    return await getOEmbed(videoUrl);
  } catch (e) {
    if (isTikTokError(e, 'invalid')) throw refuse(WORDS.unavailable);
    throw e;
  }
}

/**
 * Adds one of the creator's own videos by its TikTok link and returns it as the picker shows it.
 * Throws HttpError 400 naming the reason (not a TikTok link, a short link that leaves TikTok, a
 * private or deleted video, someone else's, or no user.info.profile to tell); TikTok being busy or
 * down is its usual problem (429, 503). The thumbnail is copied as covers are.
 */
export async function addVideoByLink(userId: string, url: string): Promise<VideoCard> {
  // The link is judged first: a paste that is no TikTok link needs no account check to refuse.
  if (!parseVideoLink(url)) throw refuse(WORDS.notTikTok);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true, connection: { select: { scopes: true } } } });
  if (!parseScopes(user.connection?.scopes).includes(SCOPES.profile) || !user.username) throw refuse(WORDS.needsProfile);
  const videoUrl = await videoUrlOf(url);
  const o = await oembedOf(videoUrl);
  if (o.authorUsername.toLowerCase() !== user.username.toLowerCase()) throw refuse(WORDS.someoneElses(o.authorUsername));
  const shareUrl = `https://www.tiktok.com/@${o.authorUsername}/video/${o.videoId}`;

  const previous = await db.video.findUnique({ where: { userId_id: { userId, id: o.videoId } }, select: { coverHash: true, coverSource: true } });
  const copy = await copyThumbnail(o.videoId, o.thumbnailUrl, previous);
  const row = { ...linkedRow(o, shareUrl), ...copy };
  const saved = await db.video.upsert({
    where: { userId_id: { userId, id: o.videoId } },
    // A video already stored from the Display API keeps being refreshed from there.
    create: { userId, id: o.videoId, description: '', duration: 0, createTime: createdAtOf(o.videoId, new Date()), source: LINKED, ...row },
    update: row,
  });
  if (previous?.coverHash && copy && copy.coverHash !== previous.coverHash) await releaseImages([previous.coverHash]);
  return {
    id: saved.id,
    title: saved.title,
    description: saved.description,
    durationSeconds: saved.duration,
    createdAt: saved.createTime.toISOString(),
    coverUrl: thumbnailSrc(saved.coverHash),
    aiGenerated: saved.aiGenerated,
  };
}
