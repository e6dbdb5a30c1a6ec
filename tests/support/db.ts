import { randomUUID } from 'node:crypto';
import { databasePath } from '@/lib/defaults.mjs';
import { migrate } from '@/prisma/migrate.mjs';

/** Applies the migrations to this test run's temporary SQLite file (see setup.ts). */
export function migrateTestDb() {
  migrate(databasePath(process.env.DATABASE_URL));
}

export const newId = () => randomUUID();
