// Sums vitest JSON reports into the closing line CI reads: "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numFailedTestSuites: number;
}

function isReport(value: unknown): value is VitestReport {
  return typeof value === 'object' && value !== null && 'numPassedTests' in value && 'numFailedTests' in value && 'numFailedTestSuites' in value;
}

const dir = process.argv[2] ?? '.tmp/ci-results';
let passed = 0;
let failed = 0;
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const report: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (!isReport(report)) {
    console.log(`${file}: not a vitest report`);
    failed += 1;
    continue;
  }
  // A file that fails to load has no failed tests but is a failure all the same.
  const suiteFailed = report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  console.log(`${file.replace(/\.json$/, '').padEnd(22)} ${report.numPassedTests} passed, ${suiteFailed} failed`);
  passed += report.numPassedTests;
  failed += suiteFailed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
