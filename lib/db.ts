import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function create() {
  const adapter = new PrismaBetterSqlite3({ url: env().databaseUrl }, { timestampFormat: 'unixepoch-ms' });
  return new PrismaClient({ adapter });
}

/** The one Prisma client (kept on globalThis so dev reloads do not open a new one each time). */
export const db: PrismaClient = globalForPrisma.prisma ?? create();
globalForPrisma.prisma = db;
