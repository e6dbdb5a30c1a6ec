// `npm run lighthouse -- <url> [<url> …]`: Lighthouse (mobile, its default simulated throttling) on
// each page of a running production server, with Debian's Chromium (CHROMIUM_PATH), printing the
// four category scores and every audit that did not pass. Performance is a measure of the machine
// as much as of the page: take it on a quiet machine, and compare pages within one run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: npm run lighthouse -- http://127.0.0.1:3000/u/{handle} http://127.0.0.1:3000/');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'showreel-lighthouse-'));
let failed = false;
for (const [i, url] of urls.entries()) {
  const out = join(dir, `${i}.json`);
  const r = spawnSync(
    'npx',
    ['lighthouse', url, '--quiet', '--form-factor=mobile', '--output=json', `--output-path=${out}`, '--chrome-flags=--headless --no-sandbox --disable-gpu'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) {
    console.error(`${url}: lighthouse failed`);
    failed = true;
    continue;
  }
  /** @type {{ categories: Record<string, { id: string, score: number | null }>, audits: Record<string, { id: string, score: number | null, scoreDisplayMode: string, displayValue?: string }> }} */
  const report = JSON.parse(readFileSync(out, 'utf8'));
  // Now and then Lighthouse's simulation yields no metrics here, and the category has no score:
  // that is a failed run, not a performance of 0.
  if (Object.values(report.categories).some((c) => c.score === null)) {
    console.error(`${url}: lighthouse gave no score (its simulation produced no metrics); run it again`);
    failed = true;
    continue;
  }
  console.log(
    `${url}  ${Object.values(report.categories)
      .map((c) => `${c.id} ${Math.round((c.score ?? 0) * 100)}`)
      .join('  ')}`,
  );
  for (const a of Object.values(report.audits)) {
    if (a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      console.log(`  ${a.id}: ${a.score} ${a.displayValue ?? ''}`);
  }
}
rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
