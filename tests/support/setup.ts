import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createTestDatabase, TEST_DIALECT } from './databases';

// Unit tests talk to "real TikTok" hosts that MSW intercepts; nothing reaches the network.
// Each test file gets a database of its own: a SQLite file, or (TEST_DIALECT=postgresql, run by
// `npm run test:services`) a fresh PostgreSQL database that is dropped when the file is done.
const dir = mkdtempSync(join(tmpdir(), 'showreel-unit-'));
process.env.SHOWREEL_DATA_DIR = dir;
if (TEST_DIALECT === 'postgresql') {
  const database = await createTestDatabase('unit');
  process.env.DATABASE_URL = database.url;
  afterAll(async () => {
    const prisma = (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma;
    await prisma?.$disconnect();
    await database.drop();
  });
} else {
  process.env.DATABASE_URL = `file:${join(dir, 'unit.db')}`;
}
process.env.TIKTOK_CLIENT_KEY = 'test_client_key';
process.env.TIKTOK_CLIENT_SECRET = 'test_client_secret';
process.env.SESSION_SECRET = 'unit-test-session-secret-0123456789abcdef';
process.env.TOKEN_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
process.env.APP_URL = 'https://showreel.test';
