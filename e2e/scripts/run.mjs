// Runs the Playwright suites once and ends with one summary line "N passed, N failed" (CI reads it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(join(process.cwd(), 'package.json'));
const cli = join(dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
const report = join(process.cwd(), 'test-results', 'report.json');
rmSync(report, { force: true });
const run = spawnSync(process.execPath, [cli, 'test', ...process.argv.slice(2)], { stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  /** @type {{stats: {expected: number, unexpected: number, flaky: number, skipped: number}, errors: unknown[]}} */
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.stats.expected + result.stats.flaky;
  failed = result.stats.unexpected + (result.errors?.length ?? 0);
  skipped = result.stats.skipped;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
