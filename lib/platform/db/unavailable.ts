import 'server-only';

// Whether an error means "the database cannot be reached right now" (gone, refusing, hanging past
// the configured deadlines), as opposed to a bug or a bad query: the first is a 503 with
// Retry-After, the second a 500. Errors are recognised by shape, not class: they come from Prisma
// (with its P1xxx codes), from the driver adapters and from node-postgres itself.

/** Prisma's codes for a database out of reach: not reachable, timed out, closed, pool exhausted, too many connections. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
/** The driver adapters' kinds for the same. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TlsConnectionError']);
/** Node's and PostgreSQL's: refused, reset, timed out, server shutting down or starting, connection failures (class 08). */
const DRIVER_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300']);
/** node-postgres's own deadlines (pool_timeout, query_timeout) and a connection lost mid-query. */
const DRIVER_MESSAGES = [/timeout exceeded when trying to connect/i, /query read timeout/i, /connection terminated/i, /can't reach database server/i];

type Shape = { code?: unknown; name?: unknown; message?: unknown; kind?: unknown; cause?: unknown };

export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const x = e as Shape;
  if (x.name === 'PrismaClientInitializationError') return true;
  if (typeof x.code === 'string' && (PRISMA_CODES.has(x.code) || DRIVER_CODES.has(x.code) || x.code.startsWith('08'))) return true;
  if (typeof x.kind === 'string' && ADAPTER_KINDS.has(x.kind)) return true;
  if (typeof x.message === 'string' && DRIVER_MESSAGES.some((re) => re.test(x.message as string))) return true;
  return isDatabaseUnavailable(x.cause, depth + 1);
}

/** How long a client is asked to wait before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
