import 'server-only';
import { EnvError, parseConfig, SANDBOX_CLIENT_KEY, SANDBOX_CLIENT_SECRET } from './schema.mjs';

export { EnvError, SANDBOX_CLIENT_KEY, SANDBOX_CLIENT_SECRET };

export type Env = ReturnType<typeof parseConfig>;

let cached: Env | undefined;

/** The validated configuration. The only reader of process.env in the app. */
export function env(): Env {
  cached ??= parseConfig(process.env);
  return cached;
}

/** For tests: validate an arbitrary environment without touching the cached one. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  return parseConfig(raw);
}
