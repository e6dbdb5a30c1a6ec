import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Unit tests talk to "real TikTok" hosts that MSW intercepts; nothing reaches the network.
const dir = mkdtempSync(join(tmpdir(), 'showreel-unit-'));
process.env.DATABASE_URL = `file:${join(dir, 'unit.db')}`;
process.env.TIKTOK_CLIENT_KEY = 'test_client_key';
process.env.TIKTOK_CLIENT_SECRET = 'test_client_secret';
process.env.SESSION_SECRET = 'unit-test-session-secret-0123456789abcdef';
process.env.TOKEN_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
process.env.APP_URL = 'https://showreel.test';
