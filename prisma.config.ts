import { defineConfig } from 'prisma/config';

// Prisma's CLI reads the database location here; the app reads it through lib/platform/config/env.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/showreel.db' },
});
