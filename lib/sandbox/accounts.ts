import 'server-only';
import { env } from '../platform/config/env';
import { creator, type SandboxCreator, type SandboxVideo, videosOf } from './creators';
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

export function setVideoState(username: string, videoId: string, state: 'public' | 'private' | 'deleted'): boolean {
  const c = ensureAccount(username);
  if (!videosOf(c).some((v) => v.id === videoId)) return false;
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
  if (!videosOf(c).some((v) => v.id === videoId)) return false;
  return store.update<Account, boolean>('account', c.openId, (a) => ({
    value: { ...a, username, hidden: a?.hidden ?? {}, stats: { ...(a?.stats ?? {}), [videoId]: { views, likes } } },
    result: true,
  }));
}

/** Marks a video as AI-generated (TikTok's is_aigc), or not. */
export function setVideoAigc(username: string, videoId: string, aiGenerated: boolean): boolean {
  const c = ensureAccount(username);
  if (!videosOf(c).some((v) => v.id === videoId)) return false;
  return store.update<Account, boolean>('account', c.openId, (a) => ({
    value: { ...a, username, hidden: a?.hidden ?? {}, aigc: { ...(a?.aigc ?? {}), [videoId]: aiGenerated } },
    result: true,
  }));
}

export function visibleVideos(openId: string): SandboxVideo[] {
  const a = account(openId);
  if (!a) return [];
  return videosOf(creator(a.username))
    .filter((v) => !a.hidden[v.id])
    .map((v) => ({ ...v, ...a.stats?.[v.id], aiGenerated: a.aigc?.[v.id] ?? false }))
    .sort((x, y) => y.createTime - x.createTime);
}

export function allVideos(username: string): SandboxVideo[] {
  return videosOf(creator(username));
}

export function displayNameOf(openId: string): string | null {
  const a = account(openId);
  return a ? creator(a.username).displayName : null;
}

export function findVideo(videoId: string): SandboxVideo | null {
  for (const { value } of store.all<Account>('account')) {
    const v = videosOf(creator(value.username)).find((x) => x.id === videoId);
    if (v) return v;
  }
  return null;
}
