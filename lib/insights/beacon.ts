import 'server-only';
import { servedFile } from '../platform/http/served-file';

// Served as written (readable, and under 1 kB gzipped without a minifier: tests/insights/beacon.test.ts).
/** /count.js and its content hash: `/count.js?v={version}` may be cached for a year. */
export const beaconScript = servedFile('lib/insights/count.js');
