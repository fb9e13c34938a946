import assert from 'node:assert/strict';
import { median, pairedRatio, parseGnuTime, summarize, type ProcessSample } from '../../../bench/processStats';

describe('bench processStats: whole-process figures and same-run ratios', () => {
  it('reads wall, CPU (user + system) and peak RSS from the GNU time line, ignoring the command’s own stderr', () => {
    const stderr = 'some warning\nROUTECRAFT-BENCH 1.50 0.90 0.10 204800\n';
    assert.deepEqual(parseGnuTime(stderr, 9999), { wallMs: 1500, cpuMs: 1000, peakMiB: 200 });
  });

  it('falls back to the measured wall time when the line is missing or garbled', () => {
    assert.deepEqual(parseGnuTime('Command exited with non-zero status 1\n', 1234), { wallMs: 1234 });
    assert.deepEqual(parseGnuTime('ROUTECRAFT-BENCH 1.5 x 0.1 10\n', 42), { wallMs: 42 });
  });

  it('takes medians (the middle two averaged for an even count) and leaves out figures no run had', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
    assert.deepEqual(summarize([{ wallMs: 3 }, { wallMs: 1 }, { wallMs: 2 }]), { wallMs: 2 });
  });

  it('computes ratios round by round, so a slow round slows both sides alike', () => {
    const mine: ProcessSample[] = [
      { wallMs: 1000, cpuMs: 500 },
      { wallMs: 4000, cpuMs: 2000 },
      { wallMs: 1100, cpuMs: 550 },
    ];
    const theirs: ProcessSample[] = [
      { wallMs: 2000, cpuMs: 1000 },
      { wallMs: 8000, cpuMs: 1000 },
      { wallMs: 2000, cpuMs: 1100 },
    ];
    assert.equal(pairedRatio(mine, theirs, 'wallMs'), 0.5);
    assert.equal(pairedRatio(mine, theirs, 'cpuMs'), 0.5);
    assert.ok(Number.isNaN(pairedRatio([{ wallMs: 1 }], [{ wallMs: 1 }], 'peakMiB')));
  });
});
