// The configuration schema, in plain JS so `scripts/prepare.mjs` can refuse a bad value before
// `next dev` / `next start` print "Ready", and the app applies the very same rules. Nothing here
// reads process.env: ./index.mjs does, for everyone (the app through ./env.ts).
import { z } from 'zod';
import { DEFAULT_REDIS_KEY_PREFIX } from '../cache/keys.mjs';
import { DEFAULT_DATABASE_URL, dataDir, sandboxSecrets } from './defaults.mjs';

/** The client key and secret the built-in sandbox accepts. Not secrets: the sandbox is not TikTok. */
export const SANDBOX_CLIENT_KEY = 'sbx_showreel';
export const SANDBOX_CLIENT_SECRET = 'sbx_secret_not_a_real_tiktok_secret';

const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

// A native app's deeplink scheme: RFC 3986's grammar, and never one a browser would follow to a web
// page or run (a handoff code sent there would go to whoever serves it).
const RESERVED_SCHEMES = ['http', 'https', 'javascript', 'data', 'file', 'vbscript', 'blob', 'about', 'ws', 'wss', 'ftp'];
const schemes = csv.pipe(
  z.array(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9+.-]*$/, 'each scheme must be a URL scheme (RFC 3986: a letter, then letters, digits, + - .)')
      .refine((s) => !RESERVED_SCHEMES.includes(s.toLowerCase()), { error: (issue) => `"${issue.input}" is a web scheme, not an app's own` }),
  ),
);

// Extra host names of TikTok's CDN (its future domains, a test's fake CDN): names, not URLs.
const hosts = csv.pipe(
  z.array(
    z
      .string()
      .toLowerCase()
      .regex(/^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:]+\])$/, 'each entry must be a host name (no scheme, port or path), e.g. p16-sign.tiktokcdn.example'),
  ),
);

const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

const schema = z.object({
  // Unset is development for the app (parseConfig), but stays unset in parseSettings: next.config.mjs
  // allows 'unsafe-eval' only when NODE_ENV is development by name.
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: url.optional(),
  TIKTOK_CLIENT_KEY: z.string().min(1).optional(),
  TIKTOK_CLIENT_SECRET: z.string().min(1).optional(),
  TIKTOK_AUTH_BASE_URL: url.optional(),
  TIKTOK_API_BASE_URL: url.optional(),
  // Unset: lib/tiktok/scopes.ts asks for its defaults (the scope names are TikTok's, not the config's).
  TIKTOK_SCOPES: csv.optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must be a SQLite file: URL or a postgres:// URL')
    .default(DEFAULT_DATABASE_URL),
  SHOWREEL_DATA_DIR: z.string().min(1).optional(),
  NEXT_PHASE: z.string().optional(),
  SHOWREEL_SANDBOX: z.enum(['0', '1'], 'must be 1 (serve the built-in sandbox) or 0').optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  // The longest any Redis command may take before the app goes on without it.
  REDIS_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(500),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, 'letters, digits and . : - _ only')
    .default(DEFAULT_REDIS_KEY_PREFIX),
  // How long `npm start`'s server keeps a public answer Next served from its cache, to answer the
  // same request again without Next (lib/platform/http/response-cache.mjs); 0 turns it off.
  ORIGIN_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  NATIVE_APP_SCHEMES: schemes.optional(),
  TRUST_PROXY: z.enum(['0', '1'], 'must be 1 (behind a load balancer that appends X-Forwarded-For) or 0').optional(),
  CRON_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SYNC_INTERVAL_HOURS: z.coerce.number().positive().default(12),
  TOKEN_REFRESH_MARGIN_SECONDS: z.coerce.number().int().min(0).default(300),
  SANDBOX_COVER_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(6 * 3600),
  TIKTOK_CDN_HOSTS: hosts.optional(),
  TIKTOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // Outside development /sandbox/control (faults, clocks, accounts) answers only this Bearer token.
  SANDBOX_CONTROL_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SANDBOX_MAX_ACCOUNTS: z.coerce.number().int().positive().default(1000),
  // npm start's server: how long a client may take to send a request's headers, and the whole request.
  SERVER_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SERVER_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  // The edge cache in front (docs/deploy.md#an-edge-cache): where purges go. Varnish takes the
  // address the app sends its xkey purges to; Cloudflare and Fastly take their API's credentials.
  EDGE_PURGE_URL: url.optional(),
  CLOUDFLARE_ZONE_ID: z
    .string()
    .regex(/^[0-9a-f]{32}$/, 'must be the zone id (32 hex digits)')
    .optional(),
  CLOUDFLARE_API_TOKEN: z.string().min(1).optional(),
  FASTLY_SERVICE_ID: z
    .string()
    .regex(/^[A-Za-z0-9]{10,64}$/, 'must be the service id (letters and digits)')
    .optional(),
  FASTLY_API_TOKEN: z.string().min(1).optional(),
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Decides sandbox or real TikTok, refusing the combinations that would expose the sandbox or a
 * secret by accident. Outside development the sandbox is served only when asked for by name.
 * @param {z.infer<typeof schema>} e
 * @returns {boolean} true for the built-in sandbox
 */
function checkSandbox(e) {
  const hasKey = Boolean(e.TIKTOK_CLIENT_KEY);
  const hasSecret = Boolean(e.TIKTOK_CLIENT_SECRET);
  if (hasKey !== hasSecret) {
    throw new EnvError(
      hasKey ? 'TIKTOK_CLIENT_SECRET: required when TIKTOK_CLIENT_KEY is set' : 'TIKTOK_CLIENT_KEY: required when TIKTOK_CLIENT_SECRET is set',
    );
  }
  if (hasKey) {
    if (e.SHOWREEL_SANDBOX === '1') {
      throw new EnvError('SHOWREEL_SANDBOX: cannot be 1 with real TikTok credentials (unset it, or unset TIKTOK_CLIENT_KEY/SECRET)');
    }
    // The client secret and the tokens travel to these hosts, and cookies are only Secure on https.
    for (const name of /** @type {const} */ (['TIKTOK_AUTH_BASE_URL', 'TIKTOK_API_BASE_URL', 'APP_URL'])) {
      const value = e[name];
      if (value?.startsWith('http://') && !LOOPBACK.has(new URL(value).hostname)) {
        throw new EnvError(`${name}: must be https:// with real TikTok credentials (http is allowed for localhost only)`);
      }
    }
    return false;
  }
  // `next build` loads the app's modules but serves nothing: only a running server must opt in.
  const building = e.NEXT_PHASE === 'phase-production-build';
  if ((e.NODE_ENV ?? 'development') !== 'development' && e.SHOWREEL_SANDBOX !== '1' && !building) {
    throw new EnvError(
      'TIKTOK_CLIENT_KEY: required outside development (set TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET, or SHOWREEL_SANDBOX=1 to serve the built-in sandbox publicly)',
    );
  }
  return true;
}

export class EnvError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(`Invalid configuration: ${message}`);
    this.name = 'EnvError';
  }
}

/**
 * Checks each variable on its own (format, range; defaults filled in) and nothing more: no rule that
 * spans several variables, no file written. Throws an EnvError whose message is one line naming the
 * variable.
 * @param {Record<string, string | undefined>} raw
 */
export function parseSettings(raw) {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnvError(`${String(issue.path[0])}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Validates a raw environment with every rule, and derives the app's configuration from it (in
 * sandbox mode this generates the development secrets once); throws an EnvError whose message is one
 * line naming the variable.
 * @param {Record<string, string | undefined>} raw
 */
export function parseConfig(raw) {
  const e = parseSettings(raw);
  const sandbox = checkSandbox(e);
  let sessionSecret = e.SESSION_SECRET;
  let encryptionKey = e.TOKEN_ENCRYPTION_KEY;
  const localDir = dataDir(e.DATABASE_URL, e.SHOWREEL_DATA_DIR);
  if (!sessionSecret || !encryptionKey) {
    if (!sandbox) {
      throw new EnvError(`${!sessionSecret ? 'SESSION_SECRET' : 'TOKEN_ENCRYPTION_KEY'}: required with real TikTok credentials`);
    }
    const generated = sandboxSecrets(localDir);
    sessionSecret ??= generated.SESSION_SECRET;
    encryptionKey ??= generated.TOKEN_ENCRYPTION_KEY;
  }
  const appUrl = e.APP_URL ?? `http://localhost:${e.PORT}`;
  return {
    nodeEnv: e.NODE_ENV ?? 'development',
    sandbox,
    appUrl,
    secureCookies: appUrl.startsWith('https://'),
    clientKey: e.TIKTOK_CLIENT_KEY ?? SANDBOX_CLIENT_KEY,
    clientSecret: e.TIKTOK_CLIENT_SECRET ?? SANDBOX_CLIENT_SECRET,
    // In sandbox mode TikTok's hosts are the app's own /sandbox routes, reached over HTTP like TikTok.
    authBaseUrl: e.TIKTOK_AUTH_BASE_URL ?? (sandbox ? `${appUrl}/sandbox` : 'https://www.tiktok.com'),
    apiBaseUrl: e.TIKTOK_API_BASE_URL ?? (sandbox ? `${appUrl}/sandbox/api` : 'https://open.tiktokapis.com'),
    scopes: e.TIKTOK_SCOPES,
    redirectUri: `${appUrl}/api/auth/tiktok/callback`,
    nativeRedirectUri: `${appUrl}/native-callback`,
    sessionSecret: /** @type {string} */ (sessionSecret),
    encryptionKey: Buffer.from(/** @type {string} */ (encryptionKey), 'base64'),
    databaseUrl: e.DATABASE_URL,
    dataDir: localDir,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    trustProxy: e.TRUST_PROXY === '1',
    nativeAppSchemes: e.NATIVE_APP_SCHEMES ?? (sandbox ? ['showreel'] : []),
    cronSecret: e.CRON_SECRET,
    syncIntervalMs: e.SYNC_INTERVAL_HOURS * 3600_000,
    refreshMarginMs: e.TOKEN_REFRESH_MARGIN_SECONDS * 1000,
    sandboxCoverTtlSeconds: e.SANDBOX_COVER_TTL_SECONDS,
    tiktokTimeoutMs: e.TIKTOK_TIMEOUT_MS,
    tiktokCdnHosts: e.TIKTOK_CDN_HOSTS ?? [],
    sandboxControlToken: e.SANDBOX_CONTROL_TOKEN,
    sandboxMaxAccounts: e.SANDBOX_MAX_ACCOUNTS,
    edge: edgeOf(e),
  };
}

/**
 * The edge caches purges go to (none, one or several): a Cloudflare zone or a Fastly service needs
 * both its id and its token.
 * @param {z.infer<typeof schema>} e
 */
function edgeOf(e) {
  /** @type {Array<{ kind: 'varnish', url: string } | { kind: 'cloudflare', zoneId: string, token: string } | { kind: 'fastly', serviceId: string, token: string }>} */
  const edges = [];
  if (e.EDGE_PURGE_URL) edges.push({ kind: 'varnish', url: e.EDGE_PURGE_URL });
  if (Boolean(e.CLOUDFLARE_ZONE_ID) !== Boolean(e.CLOUDFLARE_API_TOKEN)) {
    throw new EnvError(
      e.CLOUDFLARE_ZONE_ID ? 'CLOUDFLARE_API_TOKEN: required when CLOUDFLARE_ZONE_ID is set' : 'CLOUDFLARE_ZONE_ID: required when CLOUDFLARE_API_TOKEN is set',
    );
  }
  if (e.CLOUDFLARE_ZONE_ID && e.CLOUDFLARE_API_TOKEN) edges.push({ kind: 'cloudflare', zoneId: e.CLOUDFLARE_ZONE_ID, token: e.CLOUDFLARE_API_TOKEN });
  if (Boolean(e.FASTLY_SERVICE_ID) !== Boolean(e.FASTLY_API_TOKEN)) {
    throw new EnvError(
      e.FASTLY_SERVICE_ID ? 'FASTLY_API_TOKEN: required when FASTLY_SERVICE_ID is set' : 'FASTLY_SERVICE_ID: required when FASTLY_API_TOKEN is set',
    );
  }
  if (e.FASTLY_SERVICE_ID && e.FASTLY_API_TOKEN) edges.push({ kind: 'fastly', serviceId: e.FASTLY_SERVICE_ID, token: e.FASTLY_API_TOKEN });
  return edges;
}
