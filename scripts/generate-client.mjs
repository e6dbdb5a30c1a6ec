// Generates both Prisma clients (SQLite and PostgreSQL: Prisma 7 fixes the provider per schema)
// offline. `prisma generate` only needs the schema engine path to exist (it never runs it), so point
// it at Node itself when none is configured.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SCHEMAS = ['prisma/schema.prisma', 'prisma/postgres/schema.prisma'];

if (!existsSync(SCHEMAS[0])) process.exit(0);
/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
for (const schema of SCHEMAS) {
  const result = spawnSync('npx', ['--no-install', 'prisma', 'generate', '--schema', schema], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
