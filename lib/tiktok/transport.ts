import 'server-only';
import type { z } from 'zod';
import { remainingMs } from '../platform/async';
import { BudgetExhaustedError, SlidingWindowLimiter } from '../platform/call-budget';
import { env } from '../platform/config/env';
import { TikTokError, type TikTokErrorKind } from './errors';
import * as wire from './schemas';

// How a call reaches TikTok: the shared budget, the timeout, and the two answer shapes (OAuth's flat
// JSON and the Display API's envelope) turned into data or one TikTokError.

/** Calls made by this process, per endpoint: the sync summary and benchmarks report them. */
export const callCounter = new Map<string, number>();

function count(endpoint: string) {
  callCounter.set(endpoint, (callCounter.get(endpoint) ?? 0) + 1);
}

/** Of each endpoint's 600, the share only sign-ins may use (lib/api/route.ts `signingIn`). */
export const SIGN_IN_RESERVE = 60;

/**
 * TikTok allows 600 requests per minute per endpoint and app (sliding window) and sends no
 * Retry-After. TikTok counts calls when they arrive, the budget when they leave; transit times
 * differ by call, so a window of exactly a minute here can be 601 in a minute there. Two seconds more
 * covers the spread of ordinary transit times (found by the multi-instance test at the sandbox: 613 without).
 */
const budget = new SlidingWindowLimiter(600, 62_000, 50, SIGN_IN_RESERVE);

/**
 * How long this call may wait for TikTok: the TikTok timeout, or less when the request it serves
 * has less of its deadline left (lib/platform/async.ts withDeadline), so retries and refreshes
 * cannot add up to several timeouts. Nothing left: the call is not made.
 */
function waitBudgetMs(): number {
  const ms = Math.min(env().tiktokTimeoutMs, remainingMs());
  if (ms <= 0) throw new TikTokError('network', 'timeout', 'TikTok did not answer in time');
  return ms;
}

async function takeBudget(endpoint: string): Promise<void> {
  try {
    await budget.take(endpoint, Date.now, waitBudgetMs());
  } catch (e) {
    if (e instanceof BudgetExhaustedError) throw new TikTokError('rate_limited', 'budget_exhausted', e.message);
    throw e;
  }
}

/**
 * One call under the budget: the fetch, then its body read as JSON (null when it is not JSON). A
 * failure before an answer came is a plain network error; one while its body was read means TikTok
 * answered (a status line came), so the request was acted on.
 */
async function call(endpoint: string, url: string, init: RequestInit): Promise<{ response: Response; body: unknown }> {
  await takeBudget(endpoint);
  count(endpoint);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { ...init, cache: 'no-store', signal: AbortSignal.timeout(waitBudgetMs()) });
  } catch (e) {
    throw networkError(e, false);
  }
  try {
    text = await response.text();
  } catch (e) {
    throw networkError(e, true);
  }
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { response, body };
}

async function send(endpoint: string, url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  const { response, body } = await call(endpoint, url, init);
  return { status: response.status, body };
}

/** Socket errors that mean the connection broke after the request went out. */
const BROKEN_AFTER_SENDING = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

/**
 * A call that got no answer, in three kinds: `timeout` (ours), `answer_lost` (the connection broke
 * once the request was out: TikTok may have acted on it, e.g. rotated a refresh token) and
 * `network_error` (TikTok could not be reached: nothing was sent).
 */
function networkError(e: unknown, answered: boolean): TikTokError {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))
    return new TikTokError('network', 'timeout', 'TikTok did not answer in time');
  const cause = e instanceof Error ? (e.cause as { code?: string } | undefined) : undefined;
  if (answered || (cause?.code && BROKEN_AFTER_SENDING.has(cause.code)))
    return new TikTokError('network', 'answer_lost', 'the connection to TikTok broke before its answer arrived');
  return new TikTokError('network', 'network_error', 'TikTok could not be reached');
}

function kindForStatus(status: number): TikTokErrorKind {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (status === 401) return 'unauthorized';
  return 'invalid';
}

/** OAuth endpoints answer flat JSON, and errors as {error, error_description, log_id}, even with HTTP 200. */
export async function oauthCall<T extends z.ZodTypeAny>(endpoint: string, path: string, form: Record<string, string>, schema: T): Promise<z.infer<T>> {
  const { status, body } = await send(endpoint, `${env().apiBaseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Cache-Control': 'no-cache' },
    body: new URLSearchParams(form),
  });
  const failed = wire.tokenError.safeParse(body);
  if (failed.success) {
    const { error, error_description, log_id } = failed.data;
    const kind: TikTokErrorKind =
      status === 429 || error === 'rate_limit_exceeded'
        ? 'rate_limited'
        : status >= 500 || error === 'server_error' || error === 'temporarily_unavailable'
          ? 'server'
          : error === 'invalid_grant' || error === 'access_token_invalid'
            ? 'unauthorized'
            : 'invalid';
    throw new TikTokError(kind, error, error_description || 'request refused', log_id ?? null, status);
  }
  if (status >= 400) throw new TikTokError(kindForStatus(status), `http_${status}`, 'unexpected answer', null, status);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new TikTokError('server', 'malformed_response', `unexpected ${endpoint} response`, null, status);
  return parsed.data;
}

/** Display API endpoints answer {data, error: {code, message, log_id}}; success is error.code "ok". */
export async function apiCall<T extends z.ZodTypeAny>(
  endpoint: string,
  path: string,
  accessToken: string,
  init: { method: 'GET' | 'POST'; json?: unknown },
  schema: T,
): Promise<z.infer<T>> {
  const { status, body } = await send(endpoint, `${env().apiBaseUrl}${path}`, {
    method: init.method,
    headers: {
      Authorization: `Bearer ${accessToken}`,
      ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
  });
  const parsed = wire.envelope.safeParse(body);
  if (!parsed.success) {
    if (status >= 400) throw new TikTokError(kindForStatus(status), `http_${status}`, 'unexpected answer', null, status);
    throw new TikTokError('server', 'malformed_response', `unexpected ${endpoint} response`, null, status);
  }
  const { code, message, log_id } = parsed.data.error;
  if (code !== 'ok') {
    const kind: TikTokErrorKind =
      code === 'access_token_invalid'
        ? 'unauthorized'
        : code === 'scope_not_authorized' || code === 'scope_permission_missed'
          ? 'scope'
          : code === 'rate_limit_exceeded' || status === 429
            ? 'rate_limited'
            : code === 'internal_error' || status >= 500
              ? 'server'
              : 'invalid';
    throw new TikTokError(kind, code, message || 'request refused', log_id ?? null, status);
  }
  const data = schema.safeParse(parsed.data.data);
  if (!data.success) throw new TikTokError('server', 'malformed_response', `unexpected ${endpoint} data`, log_id ?? null, status);
  return data.data;
}

/**
 * A GET of one of TikTok's public web addresses (oEmbed, a short link): no token, no redirect
 * followed (the caller decides where a redirect may lead), under its own endpoint's share of the
 * budget and the same timeout as every TikTok call.
 */
export async function publicGet(endpoint: string, url: string): Promise<{ status: number; location: string | null; body: unknown }> {
  const { response, body } = await call(endpoint, url, { redirect: 'manual', headers: { Accept: 'application/json' } });
  return { status: response.status, location: response.headers.get('location'), body };
}
