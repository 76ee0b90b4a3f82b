import { writeSync } from 'node:fs';

// Prints "N passed, N failed" alone on the last line, so CI can read the count.
function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function summaryReporter() {
  let line = '';
  return {
    start() {
      // Printed as the process exits, after the default reporter's own closing lines.
      process.once('exit', () => {
        if (line) writeSync(1, `\n${line}\n`);
      });
    },
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      let sessionErrors = 0;
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) sessionErrors++;
      }
      // A file that failed to load ran no tests but must still count as a failure.
      const failed = totals.failed + sessionErrors;
      line = `${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
    },
  };
}
