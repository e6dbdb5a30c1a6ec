import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A file of the project served as it is written (a script, a stylesheet), read once from the
 * project folder, which a deployment ships with .next (docs/deploy.md, Production start), with its content hash:
 * a URL that names the hash (`?v={version}`) may be cached for a year.
 */
export function servedFile(path: string): { source: string; version: string } {
  const source = readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), path), 'utf8');
  return { source, version: createHash('sha256').update(source).digest('hex').slice(0, 12) };
}

/**
 * A served script's answer: cached for a year at the URL that names its current version
 * (`?v={version}`), re-checked hourly at any other (a bare URL, an older version).
 */
export function scriptResponse(
  script: { source: string; version: string },
  request: Request,
  opts: { stale?: string; headers?: Record<string, string> } = {},
): Response {
  const current = new URL(request.url).searchParams.get('v') === script.version;
  return new Response(script.source, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : `public, max-age=3600${opts.stale ?? ''}`,
      ETag: `"${script.version}"`,
      ...opts.headers,
    },
  });
}
