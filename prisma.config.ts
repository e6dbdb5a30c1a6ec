import { defineConfig } from 'prisma/config';
import { settings } from './lib/platform/config/index.mjs';

// Prisma's CLI reads the database location here, from the settings (not the app's config(): Prisma
// also reads this file on `npm install`, where nothing may be written).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: settings().DATABASE_URL },
});
