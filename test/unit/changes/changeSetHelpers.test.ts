import assert from 'node:assert/strict';
import type { ChangeSet } from '../../../src/core/changes/changeSet';
import { dropNoOpChanges } from '../../../src/core/changes/dropNoOpChanges';
import { mergeChangeSets, mergeFileChanges } from '../../../src/core/changes/mergeChangeSets';
import { RoutecraftError } from '../../../src/core/errors';

const root = '/project';

describe('mergeChangeSets', () => {
  it('applies edits to the same file one after the other', () => {
    const first: ChangeSet = { root, summary: 'Add GET /users', files: [{ path: 'src/app.ts', before: 'a\n', after: 'a\nb\n' }] };
    const second: ChangeSet = {
      root,
      summary: 'Add POST /users',
      files: [
        { path: 'src/app.ts', before: 'a\nb\n', after: 'a\nb\nc\n' },
        { path: 'src/users.test.ts', before: undefined, after: 'test\n' },
      ],
    };
    assert.deepEqual(mergeChangeSets(first, second), {
      root,
      summary: 'Add GET /users; Add POST /users',
      files: [
        { path: 'src/app.ts', before: 'a\n', after: 'a\nb\nc\n' },
        { path: 'src/users.test.ts', before: undefined, after: 'test\n' },
      ],
    });
  });

  it('keeps a new file new and drops diagnostics that described an older text', () => {
    const merged = mergeFileChanges(
      { path: 'x.ts', before: undefined, after: 'one', diagnostics: [] },
      { path: 'x.ts', before: 'one', after: 'two', diagnostics: [{ line: 1, column: 1, message: 'm', code: 1, category: 'error' }] },
    );
    assert.deepEqual(merged, { path: 'x.ts', before: undefined, after: 'two' });
  });

  it('refuses changes that do not follow each other', () => {
    assert.throws(
      () => mergeFileChanges({ path: 'x.ts', before: 'a', after: 'b' }, { path: 'x.ts', before: 'a', after: 'c' }),
      (error: unknown) => error instanceof RoutecraftError && /do not follow each other/.test(error.message),
    );
  });

  it('refuses change sets of different roots', () => {
    assert.throws(() => mergeChangeSets({ root, summary: '', files: [] }, { root: '/other', summary: '', files: [] }), RoutecraftError);
  });

  it('collapses duplicate paths inside one set', () => {
    const merged = mergeChangeSets({
      root,
      summary: 's',
      files: [
        { path: 'a.ts', before: '1', after: '2' },
        { path: 'a.ts', before: '2', after: '3' },
      ],
    });
    assert.deepEqual(merged.files, [{ path: 'a.ts', before: '1', after: '3' }]);
  });
});

describe('dropNoOpChanges', () => {
  it('drops files whose content does not change, keeps new empty files', () => {
    const cs: ChangeSet = {
      root,
      summary: 's',
      files: [
        { path: 'same.ts', before: 'x', after: 'x' },
        { path: 'changed.ts', before: 'x', after: 'y' },
        { path: 'empty.ts', before: undefined, after: '' },
      ],
    };
    assert.deepEqual(
      dropNoOpChanges(cs).files.map((f) => f.path),
      ['changed.ts', 'empty.ts'],
    );
  });

  it('returns the same object when nothing is dropped', () => {
    const cs: ChangeSet = { root, summary: 's', files: [{ path: 'a.ts', before: 'x', after: 'y' }] };
    assert.equal(dropNoOpChanges(cs), cs);
  });
});
