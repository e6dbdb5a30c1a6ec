import { randomUUID } from 'node:crypto';
import { migrate } from '@/prisma/migrate.mjs';

/** Applies the migrations to this test file's own database (see setup.ts). */
export function migrateTestDb(): Promise<string[]> {
  return migrate(process.env.DATABASE_URL!);
}

export const newId = () => randomUUID();
