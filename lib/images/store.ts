import 'server-only';
import { db } from '../platform/db/client';

// Where the copies live. One small interface, so an object store can stand in for the database
// later; the database is the default because SQLite and PostgreSQL both hold bytes and every
// instance then serves the same ones.

export type ImageKind = 'cover' | 'avatar';

/** One width of a copy: WebP bytes. */
export type ImageFile = { width: number; height: number; bytes: Uint8Array<ArrayBuffer> };

export type NewImage = { hash: string; kind: ImageKind; color: string; files: ImageFile[] };

export interface ImageStore {
  /** Whether every width of this copy is stored. */
  has(hash: string): Promise<boolean>;
  /** Stores a copy (idempotent: the same hash is the same bytes). */
  put(image: NewImage): Promise<void>;
  /** One width of a copy, or null. */
  file(hash: string, width: number): Promise<ImageFile | null>;
  /** Removes the copies with these hashes; returns how many files went. */
  remove(hashes: string[]): Promise<number>;
}

export const databaseImageStore: ImageStore = {
  async has(hash) {
    return (await db.image.count({ where: { hash } })) > 0;
  },
  async put(image) {
    await db.$transaction(
      image.files.map((f) =>
        db.image.upsert({
          where: { hash_width: { hash: image.hash, width: f.width } },
          create: { hash: image.hash, width: f.width, height: f.height, kind: image.kind, color: image.color, bytes: f.bytes },
          update: {},
        }),
      ),
    );
  },
  async file(hash, width) {
    const row = await db.image.findUnique({ where: { hash_width: { hash, width } }, select: { width: true, height: true, bytes: true } });
    return row;
  },
  async remove(hashes) {
    if (hashes.length === 0) return 0;
    return (await db.image.deleteMany({ where: { hash: { in: hashes } } })).count;
  },
};

/** The store the app uses. */
export const imageStore: ImageStore = databaseImageStore;
