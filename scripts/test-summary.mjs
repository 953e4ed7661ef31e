// Sums the per-package vitest JSON reports into one closing line: "Tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;

let passed = 0, failed = 0, skipped = 0, missing = [];
const dirs = [];
for (const pattern of workspaces) {
  const base = pattern.replace(/\/\*$/, '');
  for (const name of (await import('node:fs')).readdirSync(join(root, base))) dirs.push(join(root, base, name));
}
for (const dir of dirs) {
  if (!existsSync(join(dir, 'package.json'))) continue;
  const report = join(dir, '.vitest-results.json');
  if (!existsSync(report)) { missing.push(dir.slice(root.length)); continue; }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
if (missing.length) console.log(`[test-summary] no report from: ${missing.join(', ')}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 ? 1 : 0);
