import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { RedisClientType } from '@redis/client';
import { env } from '../platform/config/env';
import { Batch, type Counted } from './batch';
import { endOfDay } from './day';
import { addBatch } from './rollup';

// With Redis: every instance counts into one hash per showcase and day (and the day's visitors into a
// set that expires at midnight), one script call per event. Any instance flushes: it renames the
// hashes it claims (atomic, so an event lands either in the claimed batch or in a new hash, never
// both), adds each claimed batch to the rollups under the batch's name, recorded in the same
// transaction, and only then deletes it. A batch left behind by an instance that died is picked up
// by another after ORPHAN_AFTER_MS; adding it twice is impossible, the recorded name refuses it.

const ORPHAN_AFTER_MS = 30_000;
const prefix = () => `${env().redisKeyPrefix}insights:`;

// KEYS: limit counter, counters hash, visitors set, dirty set. ARGV: limit, field, video field,
// source field, visitor hash, end of the day (ms).
const RECORD = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], 120000) end
if n > tonumber(ARGV[1]) then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
if ARGV[3] ~= '' then redis.call('HINCRBY', KEYS[2], ARGV[3], 1) end
if ARGV[4] ~= '' then redis.call('HINCRBY', KEYS[2], ARGV[4], 1) end
if ARGV[5] ~= '' then
  if redis.call('SADD', KEYS[3], ARGV[5]) == 1 then redis.call('HINCRBY', KEYS[2], 'visitors', 1) end
  redis.call('PEXPIREAT', KEYS[3], ARGV[6])
end
redis.call('SADD', KEYS[4], KEYS[2])
return 1`;

// KEYS: dirty set, pending set. ARGV: the claimed batches' name prefix. Returns the names claimed.
const CLAIM = `
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
return out`;

const FIELD = { view: 'views', play: 'plays', link: 'links' } as const;

/** Counts an event unless its client already sent `limit` this minute; false when it is dropped. */
export async function recordInRedis(client: RedisClientType, c: Counted, clientKey: string, limit: number, now = Date.now()): Promise<boolean> {
  const p = prefix();
  const minute = Math.floor(now / 60_000);
  const video = c.videoId && c.type !== 'view' ? `${c.type === 'play' ? 'p' : 'l'}:${c.videoId}` : '';
  const source = c.type === 'view' && c.host ? `s:${c.host}` : '';
  const visitor = c.type === 'view' && c.visitor ? c.visitor : '';
  const counted = await client.eval(RECORD, {
    keys: [`${p}limit:${minute}:${clientKey}`, `${p}c:${c.day}:${c.showcaseId}`, `${p}v:${c.day}:${c.showcaseId}`, `${p}dirty`],
    arguments: [String(limit), FIELD[c.type], video, source, visitor, String(endOfDay(now))],
  });
  return counted === 1;
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
  return (await client.eval(CLAIM, { keys: [`${p}dirty`, `${p}pending`], arguments: [`${p}f:${now}:${randomUUID()}:`] })) as string[];
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
