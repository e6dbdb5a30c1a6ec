import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresClient } from '../../generated/postgres/client';
import { PrismaClient } from '../../generated/prisma/client';
import { env } from '../config/env';
import { pgPoolConfig, providerOf } from './database-url.mjs';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Which database DATABASE_URL chose. The few statements that differ branch on it (lib/sql.ts). */
export const dialect = providerOf(env().databaseUrl);

function create(): PrismaClient {
  const url = env().databaseUrl;
  if (dialect === 'postgresql') {
    // Prisma 7 fixes the provider per generated client; both are generated from identical models
    // (tests/db/schemas.test.ts), so the Postgres client answers the same typed API.
    return new PostgresClient({ adapter: new PrismaPg(pgPoolConfig(url)) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }, { timestampFormat: 'unixepoch-ms' }) });
}

/** The one Prisma client (kept on globalThis so dev reloads do not open a new one each time). */
export const db: PrismaClient = globalForPrisma.prisma ?? create();
globalForPrisma.prisma = db;
