import 'server-only';
import type { ErrorCode } from './index';

/**
 * The error a domain or a route throws when a request cannot be served as asked: the route wrapper
 * (lib/api/route.ts) answers it once, as `{ error: { code, message, ...extra } }` (or as an error
 * page for browser routes, titled `title`).
 */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { extra?: Record<string, unknown>; headers?: Record<string, string>; status?: number; title?: string } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
