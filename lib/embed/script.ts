import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The file is served as it is written: readable, and small enough (see the size test) not to need a
// minifier. It is read from the project folder, which a deployment ships with .next (README, Deploy).
const source = readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), 'lib/embed/widget.js'), 'utf8');

/** embed.js and its content hash: `/embed.js?v={version}` may be cached for a year. */
export const embedScript = { source, version: createHash('sha256').update(source).digest('hex').slice(0, 12) };
