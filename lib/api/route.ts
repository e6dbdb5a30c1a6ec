import 'server-only';
import type { z } from 'zod';
import { currentUserId, getSession } from '../auth/session';
import { withDeadline } from '../platform/async';
import { withBudgetPriority } from '../platform/call-budget';
import { env } from '../platform/config/env';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../platform/db/unavailable';
import { errorMessage } from '../platform/errors';
import { errorPage } from '../platform/http/error-page';
import { HttpError } from '../platform/http/errors';
import { JSON_BODY_LIMIT, jsonError, readJson, readText, statusOf, zodMessage } from '../platform/http/index';
import { PROBLEMS, problemOf } from '../platform/http/problems';
import type { Verdict } from '../platform/limits/counter';
import { isNotTopLevelNavigation, isSameOrigin } from './origin';

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

type Options<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined, U extends boolean> = {
  /** Needs a signed-in creator (401 otherwise; a cookie that no longer counts is cleared). */
  user?: U;
  /** Refuse cross-site requests. Defaults to true for every method but GET and HEAD. */
  sameOrigin?: boolean;
  /** A JSON body (parsed and capped at `bodyLimit`), the query string and the path's params. */
  body?: B;
  bodyLimit?: number;
  /** The raw body as text (for signed payloads), capped at `bodyLimit`. */
  rawBody?: boolean;
  query?: Q;
  params?: P;
  /** What a 400 says when the schema refuses the input (default: zod's message for the first issue). */
  invalid?: Partial<Record<'body' | 'query' | 'params', string>>;
  /** A rate-limit policy: counted before the handler runs; a refusal answers 429 with Retry-After. */
  limit?: { what: string; check: (ctx: { request: Request; userId: U extends true ? string : null }) => Promise<Verdict> };
  /**
   * Top-level navigations only: what a browser marks as a subresource or a script's request (an
   * <img> on another site) is refused with 403 before the rate limit counts it, so other sites
   * cannot spend a visitor's limit.
   */
  navigation?: boolean;
  /**
   * A sign-in flow (no connection yet): TikTok failures read only as "busy" or "not answering", and
   * its TikTok calls may use the share of each endpoint's budget kept for sign-ins.
   */
  signingIn?: boolean;
  /**
   * All the TikTok waiting the request does, together, stops after REQUEST_DEADLINE_FACTOR TikTok
   * timeouts (then 503 in words); false for background work such as the cron sync.
   */
  deadline?: false;
  /** Browser routes (OAuth redirects): errors are friendly HTML pages, not JSON. */
  page?: boolean;
};

type Context<B, Q, P, U extends boolean> = {
  request: Request;
  body: Out<B>;
  raw: string;
  query: Out<Q>;
  params: Out<P>;
  userId: U extends true ? string : null;
};

/** A request's TikTok waits, all together, stop after this many TikTok timeouts. */
export const REQUEST_DEADLINE_FACTOR = 1.5;

export type NextContext = { params: Promise<Record<string, string | string[]>> };

/** Methods that change nothing: no Origin check by default. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The one way to write a route handler, on the model of dub's `withWorkspace`: the route declares
 * what it needs (a signed-in creator, the Origin check, a rate-limit policy, zod schemas for body,
 * query and params) and gets them checked in that order; every error it throws is answered here,
 * once, in the `{ error: { code, message } }` shape (or as an error page for browser routes).
 */
export function route<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  U extends boolean = false,
>(options: Options<B, Q, P, U>, handler: (ctx: Context<B, Q, P, U>) => Promise<Response> | Response) {
  return async (request: Request, next?: NextContext): Promise<Response> => {
    try {
      const ctx = await prepare(options, request, next);
      // A sign-in's TikTok calls may use the share of the budget kept back from everything else.
      const run = () => (options.signingIn ? withBudgetPriority(() => handler(ctx)) : handler(ctx));
      // One deadline for all the TikTok waiting a request does (a refresh's retries included), then
      // 503 in words: a hung TikTok used to hold /api/videos for three timeouts.
      return await (options.deadline === false ? run() : withDeadline(REQUEST_DEADLINE_FACTOR * env().tiktokTimeoutMs, run));
    } catch (e) {
      return answer(e, options, request);
    }
  };
}

async function prepare<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined, U extends boolean>(
  options: Options<B, Q, P, U>,
  request: Request,
  next: NextContext | undefined,
): Promise<Context<B, Q, P, U>> {
  if ((options.sameOrigin ?? !SAFE_METHODS.has(request.method)) && !isSameOrigin(request)) {
    throw new HttpError('forbidden', 'Cross-site requests are not allowed.');
  }
  if (options.navigation && isNotTopLevelNavigation(request)) {
    throw new HttpError('forbidden', 'Open this link in your browser to sign in.', { title: 'Open this link directly' });
  }
  const params = parse(options.params as P, next ? await next.params : {}, options.invalid?.params);
  const query = options.query
    ? parse(options.query as Q, Object.fromEntries(new URL(request.url).searchParams), options.invalid?.query)
    : (undefined as Out<Q>);
  let userId: string | null = null;
  if (options.user) {
    userId = await currentUserId();
    if (!userId) {
      (await getSession()).destroy();
      throw new HttpError('unauthorized', 'Please sign in.');
    }
  }
  const ctxUser = userId as U extends true ? string : null;
  if (options.limit) {
    const verdict = await options.limit.check({ request, userId: ctxUser });
    if (!verdict.ok) {
      const seconds = verdict.retryAfterSeconds;
      throw new HttpError('rate_limited', `Too many ${options.limit.what}. Please try again in ${seconds} s.`, {
        extra: { retryAfterSeconds: seconds },
        headers: { 'Retry-After': String(seconds) },
        title: `Too many ${options.limit.what}`,
      });
    }
  }
  let raw = '';
  let body: unknown;
  if (options.rawBody) {
    const read = await readText(request, options.bodyLimit ?? JSON_BODY_LIMIT);
    if (!read.ok) throw new Answered(read.response);
    raw = read.value;
  } else if (options.body) {
    const read = await readJson(request, options.bodyLimit);
    if (!read.ok) throw new Answered(read.response);
    body = parse(options.body, read.value, options.invalid?.body);
  }
  return { request, body: body as Out<B>, raw, query, params, userId: ctxUser };
}

/** A body that could not be read answers itself (413, or 400 for non-JSON). */
class Answered extends Error {
  constructor(readonly response: Response) {
    super(`answered ${response.status}`);
  }
}

function parse<S extends Schema | undefined>(schema: S, input: unknown, message: string | undefined): Out<S> {
  if (!schema) return undefined as Out<S>;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new HttpError('bad_request', message ?? zodMessage(parsed.error));
  return parsed.data as Out<S>;
}

function answer(e: unknown, options: { signingIn?: boolean; page?: boolean }, request: Request): Response {
  if (e instanceof Answered) return e.response;
  if (e instanceof HttpError) {
    const { extra, headers, status, title } = e.options;
    const response = options.page
      ? errorPage(status ?? statusOf(e.code), title ?? 'Something is not right', e.message)
      : jsonError(e.code, e.message, extra, status);
    for (const [k, v] of Object.entries(headers ?? {})) response.headers.set(k, v);
    return response;
  }
  let kind = problemOf(e);
  if (kind) {
    if (options.signingIn && kind !== 'rate_limited') kind = 'unavailable';
    const { code, text } = PROBLEMS[kind];
    return options.page ? errorPage(503, 'TikTok is busy', text) : jsonError(code, text, { problem: kind });
  }
  if (isDatabaseUnavailable(e)) {
    // The driver's words name the database's host: the log says what happened, not where.
    console.warn(`[api] ${request.method} ${new URL(request.url).pathname}: the database is unavailable`);
    const retry = { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) };
    const response = options.page
      ? errorPage(503, 'Showreel is briefly unavailable', 'Please try again in a moment.')
      : jsonError('unavailable', 'Showreel is briefly unavailable. Please try again in a moment.', undefined);
    for (const [k, v] of Object.entries(retry)) response.headers.set(k, v);
    return response;
  }
  console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed: ${errorMessage(e)}`);
  return options.page
    ? errorPage(500, 'Something went wrong', 'Please try again in a moment.')
    : jsonError('internal', 'Something went wrong. Please try again.');
}

const HTTP_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof HTTP_METHODS)[number];
type Handler = (request: Request, ctx: NextContext) => Promise<Response> | Response;

/**
 * Every HTTP method of a route file, so that none is answered by Next's defaults (an empty 405
 * without a body): the route's own handlers; HEAD as GET; OPTIONS as 204 with `Allow`; every other
 * method 405 in the error shape, with `Allow`. A route file ends with
 * `export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get })`.
 */
export function methods(declared: Partial<Record<Method, Handler>>): Record<Method, Handler> {
  const own = new Set<Method>(HTTP_METHODS.filter((m) => declared[m]));
  if (own.has('GET')) own.add('HEAD');
  own.add('OPTIONS');
  const allow = HTTP_METHODS.filter((m) => own.has(m)).join(', ');
  const notAllowed: Handler = (request) => {
    const response = jsonError('method_not_allowed', `${request.method} is not supported here.`);
    response.headers.set('Allow', allow);
    return response;
  };
  const options: Handler = () => new Response(null, { status: 204, headers: { Allow: allow } });
  return Object.fromEntries(
    HTTP_METHODS.map((m) => [m, declared[m] ?? (m === 'HEAD' ? declared.GET : m === 'OPTIONS' ? options : undefined) ?? notAllowed]),
  ) as Record<Method, Handler>;
}

/** A route file where no route is: every method answers 404 in the error shape. */
export function nowhere(): Record<Method, Handler> {
  const notFound = route({ sameOrigin: false }, () => {
    throw new HttpError('not_found', 'No such API route.');
  });
  return Object.fromEntries(HTTP_METHODS.map((m) => [m, notFound])) as Record<Method, Handler>;
}
