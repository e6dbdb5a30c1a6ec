import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { ClientClosedError, ClientOfflineError, ErrorReply, type RedisClientType, TimeoutError } from '@redis/client';
import { env } from '../platform/config/env';
import { errorMessage } from '../platform/errors';
import { Batch, type Counted } from './batch';
import { endOfDay } from './day';
import { addBatch } from './rollup';

// With Redis: every instance counts into one hash per showcase and day (and the day's visitors into a
// set that expires at midnight), one script call for the events of each turn of the event loop (at most 200 to a call). Any instance flushes: it renames the
// hashes it claims (atomic, so an event lands either in the claimed batch or in a new hash, never
// both), adds each claimed batch to the rollups under the batch's name, recorded in the same
// transaction, and only then deletes it. A batch left behind by an instance that died is picked up
// by another after ORPHAN_AFTER_MS; adding it twice is impossible, the recorded name refuses it.

const ORPHAN_AFTER_MS = 30_000;
const prefix = () => `${env().redisKeyPrefix}insights:`;

type ScriptOptions = { keys: string[]; arguments: string[] };
/** A Lua script with its digest, for EVALSHA (runScript below). */
type Script = { text: string; sha: string };
const script = (text: string): Script => ({ text, sha: createHash('sha1').update(text).digest('hex') });

// Events counted together (those that arrive within one turn of the event loop: one script call
// for all of them). KEYS: the dirty set, then per event its limit counter, counters hash and
// visitors set. ARGV per event: limit, field, video field, source field, visitor hash, end of the
// day (ms). Returns 1 (counted) or 0 (over the limit) per event, in order.
const RECORD = script(`
local out = {}
for i = 1, (#KEYS - 1) / 3 do
  local k, a = 1 + (i - 1) * 3, (i - 1) * 6
  local n = redis.call('INCR', KEYS[k + 1])
  if n == 1 then redis.call('PEXPIRE', KEYS[k + 1], 120000) end
  if n > tonumber(ARGV[a + 1]) then
    out[i] = 0
  else
    redis.call('HINCRBY', KEYS[k + 2], ARGV[a + 2], 1)
    if ARGV[a + 3] ~= '' then redis.call('HINCRBY', KEYS[k + 2], ARGV[a + 3], 1) end
    if ARGV[a + 4] ~= '' then redis.call('HINCRBY', KEYS[k + 2], ARGV[a + 4], 1) end
    if ARGV[a + 5] ~= '' then
      if redis.call('SADD', KEYS[k + 3], ARGV[a + 5]) == 1 then redis.call('HINCRBY', KEYS[k + 2], 'visitors', 1) end
      redis.call('PEXPIREAT', KEYS[k + 3], ARGV[a + 6])
    end
    redis.call('SADD', KEYS[1], KEYS[k + 2])
    out[i] = 1
  end
end
return out`);

// KEYS: dirty set, pending set. ARGV: the claimed batches' name prefix. Returns the names claimed.
const CLAIM = script(`
local out = {}
local keys = redis.call('SPOP', KEYS[1], 1000)
for i, k in ipairs(keys) do
  if redis.call('EXISTS', k) == 1 then
    local target = ARGV[1] .. i .. ':' .. k
    redis.call('RENAME', k, target)
    redis.call('SADD', KEYS[2], target)
    table.insert(out, target)
  end
end
return out`);

const FIELD = { view: 'views', play: 'plays', link: 'links' } as const;

/**
 * Runs a script by its digest (EVALSHA), sending its text (EVAL, which also loads it) only when
 * this Redis does not know it yet: EVAL sent the whole script with every call.
 */
async function runScript(client: RedisClientType, { text, sha }: Script, options: ScriptOptions): Promise<unknown> {
  try {
    return await client.evalSha(sha, options);
  } catch (e) {
    if (!(e instanceof Error) || !e.message.startsWith('NOSCRIPT')) throw e;
    return client.eval(text, options);
  }
}

/** The most events one script call counts. */
const MAX_PER_CALL = 200;

type Waiting = { keys: string[]; args: string[]; resolve: (counted: boolean) => void; reject: (e: unknown) => void };
const waiting = new Map<RedisClientType, Waiting[]>();

/**
 * Counts an event unless its client already sent `limit` this minute; false when it is dropped.
 * Events that arrive within one turn of the event loop go to Redis in one script call: a call per
 * event (its round trip, its timeout's timer) was a sixth of a beacon's cost.
 */
export function recordInRedis(client: RedisClientType, c: Counted, clientKey: string, limit: number, now = Date.now()): Promise<boolean> {
  const p = prefix();
  const minute = Math.floor(now / 60_000);
  const video = c.videoId && c.type !== 'view' ? `${c.type === 'play' ? 'p' : 'l'}:${c.videoId}` : '';
  const source = c.type === 'view' && c.host ? `s:${c.host}` : '';
  const visitor = c.type === 'view' && c.visitor ? c.visitor : '';
  return new Promise((resolve, reject) => {
    let queue = waiting.get(client);
    if (!queue) {
      queue = [];
      waiting.set(client, queue);
      setImmediate(() => void sendWaiting(client));
    }
    queue.push({
      keys: [`${p}limit:${minute}:${clientKey}`, `${p}c:${c.day}:${c.showcaseId}`, `${p}v:${c.day}:${c.showcaseId}`],
      args: [String(limit), FIELD[c.type], video, source, visitor, String(endOfDay(now))],
      resolve,
      reject,
    });
  });
}

/**
 * Errors after which Redis surely counted none of a call's events: the client was closed or offline,
 * the call timed out before it was written (node-redis cancels only those), or Redis refused the
 * script. Its events are then counted in memory instead.
 */
function surelyNotCounted(e: unknown): boolean {
  return e instanceof ClientClosedError || e instanceof ClientOfflineError || e instanceof TimeoutError || e instanceof ErrorReply;
}

/**
 * Sends the events waiting for `client`, MAX_PER_CALL to a call, the calls at once. A call whose
 * answer was lost after it was written (the connection broke) is taken as counted: Redis runs what
 * reaches it, and counting its events again in memory could count a whole call twice.
 */
async function sendWaiting(client: RedisClientType): Promise<void> {
  const queue = waiting.get(client) ?? [];
  waiting.delete(client);
  const parts: Waiting[][] = [];
  for (let i = 0; i < queue.length; i += MAX_PER_CALL) parts.push(queue.slice(i, i + MAX_PER_CALL));
  await Promise.all(
    parts.map(async (part) => {
      try {
        const results = (await runScript(client, RECORD, {
          keys: [`${prefix()}dirty`, ...part.flatMap((w) => w.keys)],
          arguments: part.flatMap((w) => w.args),
        })) as number[];
        for (const [j, w] of part.entries()) w.resolve(results[j] === 1);
      } catch (e) {
        if (surelyNotCounted(e)) {
          for (const w of part) w.reject(e);
          return;
        }
        console.warn(`[insights] Redis's answer for ${part.length} event(s) was lost (${errorMessage(e)}); taken as counted`);
        for (const w of part) w.resolve(true);
      }
    }),
  );
}

/** A claimed batch's counters as a Batch of one entry. */
function toBatch(name: string, fields: Record<string, string>): Batch {
  const parts = name.split(':');
  const [day, showcaseId] = parts.slice(-2);
  const batch = new Batch();
  const e = batch.entry(showcaseId, day);
  for (const [field, raw] of Object.entries(fields)) {
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n <= 0) continue;
    batch.events += field.includes(':') ? 0 : n;
    if (field === 'views') e.views = n;
    else if (field === 'plays') e.plays = n;
    else if (field === 'links') e.linkClicks = n;
    else if (field === 'visitors') e.visitors = n;
    else if (field.startsWith('s:')) e.sources.set(field.slice(2), n);
    else if (field.startsWith('p:') || field.startsWith('l:')) {
      const id = field.slice(2);
      const v = e.videos.get(id) ?? { plays: 0, linkClicks: 0 };
      if (field[0] === 'p') v.plays = n;
      else v.linkClicks = n;
      e.videos.set(id, v);
    }
  }
  batch.events -= e.visitors;
  return batch;
}

/** Renames every counter hash counted into since the last claim to a batch of this flush; returns their names. */
export async function claimRedis(client: RedisClientType, now = Date.now()): Promise<string[]> {
  const p = prefix();
  return (await runScript(client, CLAIM, { keys: [`${p}dirty`, `${p}pending`], arguments: [`${p}f:${now}:${randomUUID()}:`] })) as string[];
}

/**
 * Claims the counters counted since the last flush (every instance's) and adds them to the rollups,
 * with any batch an instance left behind. Returns the events added.
 */
export async function flushRedis(client: RedisClientType, now = Date.now()): Promise<number> {
  const p = prefix();
  const claimed = await claimRedis(client, now);
  const orphans = ((await client.sMembers(`${p}pending`)) as string[]).filter((name) => {
    if (claimed.includes(name)) return false;
    const at = Number(name.slice(`${p}f:`.length).split(':')[0]);
    return !(now - at < ORPHAN_AFTER_MS);
  });
  let added = 0;
  for (const name of [...claimed, ...orphans]) {
    const fields = (await client.hGetAll(name)) as Record<string, string>;
    if (Object.keys(fields).length) {
      const batch = toBatch(name, fields);
      const id = createHash('sha256').update(name).digest('hex').slice(0, 32);
      if (await addBatch(batch, id, new Date(now))) added += batch.events;
    }
    await client.multi().del(name).sRem(`${p}pending`, name).exec();
  }
  return added;
}
