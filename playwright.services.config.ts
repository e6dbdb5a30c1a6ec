import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The multi-instance journeys (e2e/scale): two production servers, PostgreSQL and Redis, started by
// the tests themselves (e2e/support/cluster.ts) against the build `npm run test:e2e` made.
export default defineConfig({
  ...base,
  testDir: './e2e/scale',
  testIgnore: [],
  timeout: 120_000,
  webServer: undefined,
});
