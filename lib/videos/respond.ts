import 'server-only';
import { jsonError } from '../http';
import { PROBLEM_TEXT } from './problems';
import { problemOf } from './recent';

/** A TikTok failure as the JSON error every route answers with; rethrows anything that is a bug. */
export function tiktokProblemResponse(e: unknown) {
  const kind = problemOf(e);
  if (!kind) throw e;
  const code =
    kind === 'needs_reconnect' ? 'needs_reconnect' : kind === 'rate_limited' ? 'rate_limited' : kind === 'scope' ? 'forbidden' : 'tiktok_unavailable';
  return jsonError(code, PROBLEM_TEXT[kind], { problem: kind });
}
