import 'server-only';
import { servedFile } from '../platform/http/served-file';

// Served as it is written: readable, and small enough (see the size test) not to need a minifier.
/** embed.js and its content hash: `/embed.js?v={version}` may be cached for a year. */
export const embedScript = servedFile('lib/embed/widget.js');
