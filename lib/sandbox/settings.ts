import 'server-only';
import { env } from '../platform/config/env';
import { type Fault, logId, type SandboxReply, SCOPES, type Settings } from './model';
import * as store from './store';

// What tests and demos control: the sandbox's settings, injected faults and delays, call counters.

export function settings(): Settings {
  return {
    coverTtlSeconds: env().sandboxCoverTtlSeconds,
    avatarTtlSeconds: env().sandboxCoverTtlSeconds,
    // TikTok's lifetimes today: access tokens 2 hours, refresh tokens 180 days.
    accessTtlSeconds: 2 * 3600,
    refreshTtlSeconds: 180 * 86_400,
    approvedScopes: [...SCOPES],
    redirectUris: [],
    qrTtlSeconds: 300,
    ...(store.get<Partial<Settings>>('settings', 'current') ?? {}),
  };
}

export function updateSettings(patch: Partial<Settings>): Settings {
  store.put('settings', 'current', { ...(store.get<Partial<Settings>>('settings', 'current') ?? {}), ...patch });
  return settings();
}

export function resetSettings(): Settings {
  store.remove('settings');
  return settings();
}

export function setFault(endpoint: string, fault: Fault | null): void {
  if (fault) store.put('fault', endpoint, fault);
  else store.remove('fault', endpoint);
}

export function clearFaults(): void {
  store.remove('fault');
}

/**
 * Counts the call, then applies any injected delay or failure. Returns the failure to answer with.
 * A caller that hung up during an injected delay gets nothing done: the request never reached
 * TikTok's logic (how a crashed client looks from TikTok's side when its request was still queued).
 */
export async function enter(endpoint: string, style: 'oauth' | 'api', signal?: AbortSignal): Promise<SandboxReply | null> {
  store.bump(endpoint);
  const fault = store.update<Fault, Fault | null>('fault', endpoint, (f) => {
    if (!f) return { result: null };
    if (f.remaining == null) return { result: f };
    return { value: f.remaining <= 1 ? null : { ...f, remaining: f.remaining - 1 }, result: f };
  });
  if (!fault) return null;
  if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
  if (signal?.aborted) return { status: 499, body: { error: 'client_closed_request' } };
  // The caller does the work and then drops the answer (only the token endpoint honours it).
  if (fault.dropAnswer) return { status: 200, body: null, dropAnswer: true };
  if (!fault.status) return null;
  const code = fault.status === 429 ? 'rate_limit_exceeded' : fault.status >= 500 ? 'internal_error' : 'invalid_params';
  const message = fault.status === 429 ? 'Too many requests' : 'Something went wrong';
  if (style === 'oauth')
    return {
      status: fault.status,
      body: { error: fault.status === 429 ? 'rate_limit_exceeded' : 'server_error', error_description: message, log_id: logId() },
    };
  return { status: fault.status, body: { data: {}, error: { code, message, log_id: logId() } } };
}

export const counters = store.counters;
export const peakPerMinute = store.peakPerMinute;
export const resetCounters = store.resetCounters;
