// Runs before `next dev` / `next start`: generates the Prisma client if needed and applies pending
// migrations, so a fresh clone needs no set-up step. `--generate-only` is for `next build`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { migrate } from '../prisma/migrate.mjs';
import { DEFAULT_DATABASE_URL, databasePath, sandboxSecrets } from '../lib/defaults.mjs';

if (!existsSync('lib/generated/prisma/client.ts')) {
  const r = spawnSync(process.execPath, ['scripts/generate-client.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!process.argv.includes('--generate-only')) {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const applied = migrate(databasePath(url));
  for (const name of applied) console.log(`[showreel] applied migration ${name}`);
  // Sandbox mode generates its development secrets here, once, before any request races for them.
  if (!process.env.TIKTOK_CLIENT_KEY) sandboxSecrets(url);
}
