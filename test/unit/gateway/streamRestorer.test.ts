import assert from 'node:assert/strict';
import { StreamRestorer } from '../../../src/core/gateway/streamRestorer';

const restore = (text: string): string => text.replace(/<EMAIL_1>/g, 'ada@corp.io');

function run(pieces: string[]): string[] {
  const r = new StreamRestorer(restore);
  const out = pieces.map((p) => r.push(p));
  out.push(r.flush());
  return out;
}

describe('StreamRestorer', () => {
  it('restores a placeholder split over several pieces, holding back only the open tail', () => {
    const out = run(['Mail ', 'to <EM', 'AIL_', '1> now', '.']);
    assert.deepEqual(out, ['Mail ', 'to ', '', 'ada@corp.io now', '.', '']);
    assert.equal(out.join(''), 'Mail to ada@corp.io now.');
  });

  it('does not hold back ordinary angle brackets', () => {
    // A lone '<' at the end of a piece could start a placeholder: held for one piece, then released.
    assert.deepEqual(run(['if (a <', ' b) { return x<y; }']), ['if (a ', '< b) { return x<y; }', '']);
    assert.deepEqual(run(['Array<string>']), ['Array<string>', '']);
  });

  it('flushes an unfinished tail at the end of the stream', () => {
    assert.deepEqual(run(['a <SECRET_']), ['a ', '<SECRET_']);
  });
});
