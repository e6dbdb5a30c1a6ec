import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { CONNECTION_STATUS } from '../auth/connection-status';
import { type CallbackFailure, completeAuthorization, exchangeFailure, type Platform } from '../auth/oauth';
import { tokenColumns } from '../auth/tokens';
import { releaseImages } from '../images/retention';
import { db } from '../platform/db/client';
import { edgePurgeWrites } from '../platform/edge/outbox';
import { errorMessage } from '../platform/errors';
import { showcaseEdgeTags } from '../showcase/edge-tags';
import { revalidateHandle } from '../showcase/revalidate';
import { DEFAULT_SHOWCASE } from '../showcase/showcase-rows';
import { recopyShowcaseCovers } from '../showcase/tiktok-videos';
import { getUserInfo } from '../tiktok/client';
import type { TikTokProfile, TokenSet } from '../tiktok/types';
import { recheckLinkedVideos } from '../videos/linked';
import { avatarColumns } from './avatar';

/** A stable public handle: the TikTok username when granted and free, otherwise a slug of the open_id. */
async function chooseHandle(profile: TikTokProfile, userId: string | null): Promise<string> {
  const slug = `c-${createHash('sha256').update(profile.openId).digest('hex').slice(0, 10)}`;
  const wanted = profile.username?.toLowerCase().replace(/[^a-z0-9._-]/g, '');
  if (wanted && wanted.length >= 2) {
    const owner = await db.user.findUnique({ where: { handle: wanted }, select: { id: true } });
    if (!owner || owner.id === userId) return wanted;
  }
  return slug;
}

/**
 * After any successful code exchange (web, QR, native): read the profile with only the fields the
 * granted scopes allow, upsert the user by open_id, store the tokens encrypted. Returns the user id.
 */
export async function signInWithTokens(tokens: TokenSet): Promise<string> {
  const profile = await getUserInfo(tokens.accessToken, tokens.scopes);
  const existing = await db.user.findUnique({
    where: { openId: tokens.openId },
    select: {
      id: true,
      handle: true,
      published: true,
      avatarHash: true,
      avatarSource: true,
      connection: { select: { userId: true } },
    },
  });
  const handle = existing && !profile.username ? existing.handle : await chooseHandle(profile, existing?.id ?? null);
  const userId = existing?.id ?? randomUUID();
  const connection = {
    ...tokenColumns(tokens, userId),
    status: CONNECTION_STATUS.active,
    lastError: null,
    // A fresh grant: webhooks about any earlier authorization no longer apply (lib/webhooks/tiktok.ts).
    connectedAt: new Date(),
  };
  const profileData = {
    unionId: profile.unionId,
    displayName: profile.displayName,
    username: profile.username,
    avatarUrl: profile.avatarUrl,
    ...(await avatarColumns(existing, profile.avatarUrl, userId)),
    handle,
  };
  // Signed in, the creator is present again: each showcase shows as its own switch says (a new
  // creator's default starts as a draft; one who was live before a disconnect is live again).
  const published = true;
  const renamed = existing && (existing.handle !== handle || existing.published !== published);
  await db.$transaction([
    ...edgePurgeWrites([...showcaseEdgeTags(handle), ...(existing && renamed ? showcaseEdgeTags(existing.handle) : [])]),
    db.user.upsert({
      where: { openId: tokens.openId },
      create: { id: userId, openId: tokens.openId, ...profileData, published, showcases: { create: { id: userId, ...DEFAULT_SHOWCASE, isDefault: true } } },
      update: { ...profileData, published },
    }),
    db.tikTokConnection.upsert({
      where: { userId },
      create: { userId, ...connection },
      update: { ...connection, version: { increment: 1 } },
    }),
  ]);
  if (existing && profileData.avatarHash !== undefined && profileData.avatarHash !== existing.avatarHash) await releaseImages([existing.avatarHash]);
  // A reconnect: the covers went with the disconnect; copy them again now rather than at the next sync.
  if (existing && !existing.connection) {
    await recopyShowcaseCovers(userId);
    // Videos added by link get theirs through oEmbed; best effort, as above: the next sync retries.
    await recheckLinkedVideos(userId, profileData.username).catch((e) =>
      console.warn(`[covers] could not re-check the linked videos of user ${userId}: ${errorMessage(e)}`),
    );
  }
  if (existing && renamed) await revalidateHandle(existing.handle, { edgeQueued: true });
  await revalidateHandle(handle, { edgeQueued: true });
  return userId;
}

type SignInResult =
  | { ok: true; userId: string; returnTo?: string; scheme?: string; handoffChallenge?: string }
  | { ok: false; reason: CallbackFailure; scheme?: string };

/** An OAuth callback (web or native), finished: the state checked, the code exchanged, the account signed in. */
export async function completeSignIn(platform: Platform, query: URLSearchParams): Promise<SignInResult> {
  const result = await completeAuthorization(platform, query);
  if (!result.ok) return result;
  const { tokens, ...rest } = result;
  try {
    return { ...rest, userId: await signInWithTokens(tokens) };
  } catch (e) {
    return { ok: false, reason: exchangeFailure(e), scheme: result.scheme };
  }
}
