import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Served as written (readable, and under 1 kB gzipped without a minifier: tests/insights/beacon.test.ts).
const source = readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), 'lib/insights/count.js'), 'utf8');

/** /count.js and its content hash: `/count.js?v={version}` may be cached for a year. */
export const beaconScript = { source, version: createHash('sha256').update(source).digest('hex').slice(0, 12) };
