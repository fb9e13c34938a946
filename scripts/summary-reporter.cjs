// Mocha's spec reporter, plus one JSON line of totals appended to $ROUTECRAFT_TEST_SUMMARY so that
// scripts/test.mjs can print one closing "N passed, N failed" line over every suite.
const fs = require('node:fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.ROUTECRAFT_TEST_SUMMARY;
    const suite = process.env.ROUTECRAFT_TEST_SUITE || 'tests';
    runner.once('end', () => {
      if (file) {
        const { passes, failures, pending } = this.stats;
        fs.appendFileSync(file, JSON.stringify({ suite, passes, failures, pending }) + '\n');
      }
    });
  }
}

module.exports = SummaryReporter;
