import assert from 'node:assert/strict';
import { runProcess } from '../../../../src/core/testgen/run/runProcess';

describe('runProcess', () => {
  it('decodes a multi-byte character split across two chunks whole', async () => {
    // "é" is 0xC3 0xA9 and "→" is 0xE2 0x86 0x92: each is written in two pieces, with a pause between.
    const script = [
      "const pieces = [[0x61, 0xc3], [0xa9, 0xe2, 0x86], [0x92, 0x62]];",
      "let i = 0;",
      "const next = () => { if (i < pieces.length) { process.stdout.write(Buffer.from(pieces[i++])); setTimeout(next, 30); } };",
      'next();',
    ].join('\n');
    const outcome = await runProcess(process.execPath, ['-e', script], { cwd: process.cwd(), timeoutMs: 10_000 });
    assert.equal(outcome.kind, 'exited');
    assert.equal(outcome.output, 'aé→b');
  });

  it('keeps stdout and stderr characters apart when both split one', async () => {
    const script = [
      'process.stdout.write(Buffer.from([0xc3]));',
      'process.stderr.write(Buffer.from([0xe2, 0x86]));',
      'setTimeout(() => { process.stdout.write(Buffer.from([0xa9])); process.stderr.write(Buffer.from([0x92])); }, 30);',
    ].join('\n');
    const outcome = await runProcess(process.execPath, ['-e', script], { cwd: process.cwd(), timeoutMs: 10_000 });
    assert.ok(outcome.output === 'é→' || outcome.output === '→é', `got ${JSON.stringify(outcome.output)}`);
  });
});
