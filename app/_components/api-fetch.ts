'use client';

/** A failed call to one of the app's JSON routes, carrying the server's own message and status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The whole `error` object the server answered (its code and any extra fields), when there was one. */
    readonly detail: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Said when the server gave no words of its own (the network failed, or the answer was not JSON). */
export const FALLBACK_MESSAGE = 'Something went wrong. Please try again.';

/**
 * Calls one of the app's JSON routes (same origin, so the session cookie and Origin go along) and
 * returns its body, or throws ApiError with the message from the `{ error: { message } }` it answered.
 */
export async function apiFetch<T>(url: string, init: { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; json?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', ...(init.json === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  } catch {
    throw new ApiError('The network failed. Please check your connection and try again.', 0);
  }
  // 204: nothing to read.
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(body?.error?.message ?? FALLBACK_MESSAGE, res.status, body?.error ?? null);
  return body as T;
}
