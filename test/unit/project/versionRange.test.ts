import assert from 'node:assert/strict';
import { compareVersions, majorOf, minVersion } from '../../../src/core/project/versionRange';

describe('project/versionRange', () => {
  it('gives the lowest version a range allows', () => {
    const cases: [string, string | undefined][] = [
      ['^5.4.2', '5.4.2'], ['~3.22', '3.22.0'], ['>=4 <6', '4.0.0'], ['5.x', '5.0.0'], ['*', '0.0.0'],
      ['>=5.5 <6 || ^4.9', '4.9.0'], ['^6.0.0-beta.2', '6.0.0-beta.2'], ['npm:zod@^3.22.4', '3.22.4'], ['v5.1.0', '5.1.0'],
      ['workspace:*', undefined], ['latest', undefined], ['file:../lib', undefined], ['github:user/repo', undefined], ['https://x/y.tgz', undefined],
    ];
    for (const [range, expected] of cases) {
      assert.equal(minVersion(range), expected, range);
    }
  });

  it('gives the major a range starts at', () => {
    assert.equal(majorOf('>=5.5 <6 || ^4.9'), 4);
    assert.equal(majorOf('^11.0.1'), 11);
    assert.equal(majorOf('next'), undefined);
  });

  it('orders pre-releases before their release', () => {
    assert.ok(compareVersions('5.5.0-beta', '5.5.0') < 0);
    assert.ok(compareVersions('5.10.0', '5.9.3') > 0);
    assert.equal(compareVersions('5.4', '5.4.0'), 0);
  });
});
