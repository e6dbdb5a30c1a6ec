import 'server-only';
import { env } from '../platform/config/env';
import { creator, newVideo, type SandboxCreator, type SandboxVideo, videosOf } from './creators';
import type { Account } from './model';
import * as store from './store';

// The sandbox's creators as TikTok sees them: which videos each has, which are hidden, their counts.

export function account(openId: string): Account | null {
  return store.get<Account>('account', openId);
}

/** A new account was asked for while the sandbox holds SANDBOX_MAX_ACCOUNTS already. */
export class SandboxFull extends Error {
  constructor(readonly max: number) {
    super(`The sandbox holds its maximum of ${max} accounts.`);
  }
}

export function ensureAccount(username: string): SandboxCreator {
  const c = creator(username);
  if (!account(c.openId)) {
    // A public demo must not grow without bound: anybody can make up usernames.
    const max = env().sandboxMaxAccounts;
    if (store.count('account') >= max) throw new SandboxFull(max);
    store.put('account', c.openId, { username, hidden: {} } satisfies Account);
  }
  return c;
}

/** Everything the account has posted: the generated videos and those published through the control route. */
function videosOfAccount(username: string, a: Account | null = account(creator(username).openId)): SandboxVideo[] {
  return [...(a?.posted ?? []), ...videosOf(creator(username))];
}

/** Adds a new newest video to the account, as posting on TikTok would. */
export function publishVideo(username: string, opts: Parameters<typeof newVideo>[2]): SandboxVideo {
  const c = ensureAccount(username);
  return store.update<Account, SandboxVideo>('account', c.openId, (a) => {
    const posted = a?.posted ?? [];
    const video = newVideo(c, posted.length + 1, opts);
    return { value: { ...a, username, hidden: a?.hidden ?? {}, posted: [video, ...posted] }, result: video };
  });
}

export function setVideoState(username: string, videoId: string, state: 'public' | 'private' | 'deleted'): boolean {
  const c = ensureAccount(username);
  if (!videosOfAccount(username).some((v) => v.id === videoId)) return false;
  return store.update<Account, boolean>('account', c.openId, (a) => {
    const hidden = { ...(a?.hidden ?? {}) };
    if (state === 'public') delete hidden[videoId];
    else hidden[videoId] = state;
    return { value: { ...a, username, hidden }, result: true };
  });
}

/** Sets a video's view and like counts, as time passing on TikTok would. */
export function setVideoStats(username: string, videoId: string, views: number, likes: number): boolean {
  const c = ensureAccount(username);
  if (!videosOfAccount(username).some((v) => v.id === videoId)) return false;
  return store.update<Account, boolean>('account', c.openId, (a) => ({
    value: { ...a, username, hidden: a?.hidden ?? {}, stats: { ...(a?.stats ?? {}), [videoId]: { views, likes } } },
    result: true,
  }));
}

/** Marks a video as AI-generated (TikTok's is_aigc), or not. */
export function setVideoAigc(username: string, videoId: string, aiGenerated: boolean): boolean {
  const c = ensureAccount(username);
  if (!videosOfAccount(username).some((v) => v.id === videoId)) return false;
  return store.update<Account, boolean>('account', c.openId, (a) => ({
    value: { ...a, username, hidden: a?.hidden ?? {}, aigc: { ...(a?.aigc ?? {}), [videoId]: aiGenerated } },
    result: true,
  }));
}

export function visibleVideos(openId: string): SandboxVideo[] {
  const a = account(openId);
  if (!a) return [];
  return videosOfAccount(a.username, a)
    .filter((v) => !a.hidden[v.id])
    .map((v) => ({ ...v, ...a.stats?.[v.id], aiGenerated: a.aigc?.[v.id] ?? false }))
    .sort((x, y) => y.createTime - x.createTime);
}

export function allVideos(username: string): SandboxVideo[] {
  return videosOfAccount(username);
}

export function displayNameOf(openId: string): string | null {
  const a = account(openId);
  return a ? creator(a.username).displayName : null;
}

export function findVideo(videoId: string): SandboxVideo | null {
  for (const { value } of store.all<Account>('account')) {
    const v = videosOfAccount(value.username, value).find((x) => x.id === videoId);
    if (v) return v;
  }
  return null;
}
