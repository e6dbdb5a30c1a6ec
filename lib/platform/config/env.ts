import 'server-only';
import { config } from './index.mjs';

export { EnvError, SANDBOX_CLIENT_KEY, SANDBOX_CLIENT_SECRET } from './schema.mjs';

export type Env = ReturnType<typeof config>;

/** The validated configuration: ./index.mjs's config(), parsed from process.env once. */
export function env(): Env {
  return config();
}
