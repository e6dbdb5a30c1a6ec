// Runs before `next dev` / `next start`: validates the configuration (a bad value stops here, with
// one line, before Next prints "Ready"), generates the Prisma client if needed and applies pending
// migrations, so a fresh clone needs no set-up step. `--generate-only` is for `next build`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { migrate } from '../prisma/migrate.mjs';
import { databasePath } from '../lib/defaults.mjs';
import { EnvError, parseConfig } from '../lib/config.mjs';

if (!existsSync('lib/generated/prisma/client.ts')) {
  const r = spawnSync(process.execPath, ['scripts/generate-client.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!process.argv.includes('--generate-only')) {
  let config;
  try {
    // In sandbox mode this also generates the development secrets, once, before requests race for them.
    config = parseConfig(process.env);
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
  const applied = migrate(databasePath(config.databaseUrl));
  for (const name of applied) console.log(`[showreel] applied migration ${name}`);
}
