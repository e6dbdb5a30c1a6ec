// The one reader of process.env: the app (through ./env.ts), next.config.mjs, the Next cache handler,
// prisma.config.ts and the scripts all ask here, and ./schema.mjs holds the rules. Plain JS, because
// next.config.mjs, the cache handler (loaded by Next outside the app's bundle) and the scripts run
// without a bundler.
import { parseConfig, parseSettings } from './schema.mjs';

/** @typedef {ReturnType<typeof parseConfig>} Config */

/** @type {Config | undefined} */
let cached;

/**
 * The app's configuration, every rule applied: parsed from process.env on first use, then kept.
 * Throws an EnvError (one line naming the variable) when it is invalid.
 * @returns {Config}
 */
export function config() {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * The variables alone, each one checked and given its default (no rule spanning several, nothing
 * written, not kept): for what runs where the app's rules cannot be applied yet. `next build`
 * evaluates next.config.mjs before it sets NEXT_PHASE (so a build would be refused the sandbox), a
 * custom server evaluates it before Next sets NODE_ENV, and Prisma's CLI reads prisma.config.ts on
 * `npm install`, where the development secrets must not be written.
 */
export function settings() {
  return parseSettings(process.env);
}
