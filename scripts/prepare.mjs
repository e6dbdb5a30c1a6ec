// Runs before `next dev`, `npm start` and the worker: validates the configuration (a bad value stops
// here, with one line, before Next prints "Ready"), generates the Prisma clients if needed and
// applies pending migrations, so a fresh clone needs no set-up step. `--generate-only` is for
// `next build`.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { config } from '../lib/platform/config/index.mjs';
import { EnvError } from '../lib/platform/config/schema.mjs';
import { redactUrl } from '../lib/platform/db/database-url.mjs';
import { migrate } from '../prisma/migrate.mjs';

if (!existsSync('lib/generated/prisma/client.ts') || !existsSync('lib/generated/postgres/client.ts')) {
  const r = spawnSync(process.execPath, ['scripts/generate-client.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!process.argv.includes('--generate-only')) {
  let databaseUrl;
  try {
    // In sandbox mode this also generates the development secrets, once, before requests race for them.
    databaseUrl = config().databaseUrl;
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
  try {
    const applied = await migrate(databaseUrl);
    for (const name of applied) console.log(`[showreel] applied migration ${name}`);
  } catch (e) {
    // One line, without the password: the URL may carry one.
    console.error(`[showreel] could not migrate ${redactUrl(databaseUrl)}: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
