import { writeSync } from 'node:fs';
import { relative } from 'node:path';

// Prints each skipped test as "Skipped: <browser> <file> › … › <test> (skipped: <reason>)" (its
// reason is in its name: test/support/browsers.ts, skipBecause), each failed test as
// "Failed: <browser> <file> › <suite> › <test>: <error>", then
// "N passed, N failed" alone on the last line, so CI can read the count and, from the same few
// lines at the end, which test failed.
/** The first line of an error's message, cut at 200 characters. */
const firstLine = (error, fallback) => String(error?.message ?? fallback).split('\n')[0].slice(0, 200);

function count(suite, totals, where, path = []) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) {
      totals.skipped++;
      totals.skips.push(`Skipped: ${where} › ${[...path, test.name].join(' › ')}`);
    }
    else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      totals.failures.push(`Failed: ${where} › ${[...path, test.name].join(' › ')}: ${firstLine(test.error, 'failed')}`);
    }
  }
  for (const child of suite?.suites ?? []) count(child, totals, where, [...path, child.name]);
}

export function summaryReporter() {
  let lines = [];
  return {
    start() {
      // Printed as the process exits, after the default reporter's own closing lines.
      process.once('exit', () => {
        if (lines.length) writeSync(1, `\n${lines.join('\n')}\n`);
      });
    },
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, skips: [], failures: [] };
      let sessionErrors = 0;
      for (const session of sessions) {
        const where = `${session.browser?.name ?? ''} ${relative(process.cwd(), session.testFile)}`.trim();
        count(session.testResults, totals, where);
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          sessionErrors++;
          totals.failures.push(`Failed: ${where}: ${firstLine(session.errors[0], 'did not run')}`);
        }
      }
      // A file that failed to load ran no tests but must still count as a failure.
      const failed = totals.failed + sessionErrors;
      lines = [...totals.skips, ...totals.failures, `${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`];
    },
  };
}
