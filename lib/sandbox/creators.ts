import 'server-only';
import { createHash } from 'node:crypto';

// Deterministic sandbox creators: the same username always yields the same person and videos.

export const DEFAULT_USERNAME = 'sandy.creator';
const VIDEO_COUNT = 42;
export const USERNAME_PATTERN = '[a-z0-9._\\-]{2,24}';
const USERNAME = new RegExp(`^${USERNAME_PATTERN}$`);

export function isSandboxUsername(value: string): boolean {
  return USERNAME.test(value);
}

const TOPICS = [
  'Sunrise skate session',
  'Three-ingredient pasta',
  'Desk setup tour',
  'Street food crawl',
  'Rainy day lo-fi',
  'Thrift flip denim jacket',
  'Puppy meets snow',
  'Ten-minute core workout',
  'Latte art fail',
  'Mountain trail run',
  'Origami crane tutorial',
  'Night market haul',
  'Vinyl collection',
  'Bread scoring patterns',
  'Studio vlog',
  'Guitar riff challenge',
  'Tiny apartment makeover',
  'Sourdough starter day 1',
  'Beach cleanup',
  'Magic trick reveal',
  'Plant propagation',
  'Film camera test roll',
  'Late night ramen',
  'Dance trend remix',
  'Bike commute',
  'Watercolour sky',
  'Packing for Tokyo',
  'Budget meal prep',
  'Rooftop sunset',
  'Bookshelf reorganise',
  'Coffee brewing ratios',
  'First marathon',
  'Pottery wheel attempt',
  'Cat vs laser',
  'Roller disco',
  'Home cinema build',
  'Hot sauce taste test',
  'Mini golf hole in one',
  'Cabin in the woods',
  'Morning routine',
  'Speed-cubing record',
  'Fireworks from the pier',
  'Kite festival',
  'Snowboard first try',
  'Retro arcade',
];

/** One topical hashtag per video, so hashtag showcases have something to pick. */
const TAGS = ['daily', 'food', 'tech', 'travel', 'music', 'diy', 'pets'];

function hex(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

export function uuidFrom(seed: string): string {
  const h = hex(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type SandboxCreator = {
  username: string;
  openId: string;
  unionId: string;
  displayName: string;
  bio: string;
};

export type SandboxVideo = {
  id: string;
  openId: string;
  title: string;
  description: string;
  duration: number;
  width: number;
  height: number;
  createTime: number;
  /** Public counts, when a test set them (setVideoStats); otherwise derived from the video. */
  views?: number;
  likes?: number;
  /** TikTok's AI-generated mark (is_aigc), when a test set it (setVideoAigc). */
  aiGenerated?: boolean;
};

export function creator(username: string): SandboxCreator {
  const displayName =
    username === DEFAULT_USERNAME
      ? 'Sandy Creator'
      : username
          .split(/[._-]+/)
          .filter(Boolean)
          .map((w) => w[0].toUpperCase() + w.slice(1))
          .join(' ') || username;
  return {
    username,
    openId: uuidFrom(`open:${username}`),
    unionId: uuidFrom(`union:${username}`),
    displayName,
    bio: `${displayName} posts a little bit of everything. (TikTok sandbox account)`,
  };
}

// Anchored to a fixed instant so cursors and dates are stable across runs.
const NEWEST = Date.UTC(2026, 10, 20, 18, 0, 0) / 1000;

export function videosOf(c: SandboxCreator): SandboxVideo[] {
  return Array.from({ length: VIDEO_COUNT }, (_, i) => {
    const h = hex(`video:${c.openId}:${i}`);
    const topic = TOPICS[i % TOPICS.length];
    // Two to three days apart, strictly newest first.
    const createTime = NEWEST - i * 2 * 86_400 - (parseInt(h.slice(15, 19), 16) % 86_400);
    return {
      // As TikTok's: the creation time (seconds) in the upper 32 bits, so 19 digits starting with 7.
      id: ((BigInt(createTime) << 32n) | BigInt(`0x${h.slice(0, 8)}`)).toString(),
      openId: c.openId,
      title: `${topic} #${i + 1}`,
      description: `${topic}, take ${i + 1}. #${TAGS[i % TAGS.length]} #showreel #sandbox`,
      duration: 7 + ((i * 37) % 174),
      width: 1080,
      height: 1920,
      createTime,
    };
  });
}

/** A new newest video (the control action publishVideo), with an id no generated video has. */
export function newVideo(
  c: SandboxCreator,
  n: number,
  opts: { title?: string; description?: string; views?: number; likes?: number; aiGenerated?: boolean },
): SandboxVideo {
  const h = hex(`posted:${c.openId}:${n}`);
  const title = opts.title ?? `Fresh post ${n}`;
  const createTime = Math.floor(Date.now() / 1000);
  return {
    // As TikTok's (and the generated ones above): the creation time in the upper 32 bits.
    id: ((BigInt(createTime) << 32n) | BigInt(`0x${h.slice(0, 8)}`)).toString(),
    openId: c.openId,
    title,
    description: opts.description ?? `${title}. #new #showreel #sandbox`,
    duration: 15 + (n % 40),
    width: 1080,
    height: 1920,
    createTime,
    views: opts.views,
    likes: opts.likes,
    aiGenerated: opts.aiGenerated,
  };
}
