import assert from 'node:assert/strict';
import type { ChangeSet } from '../../../src/core/changes/changeSet';
import { ReviewSelection } from '../../../src/core/changes/reviewSelection';
import { countHunks, selectHunks } from '../../../src/core/changes/selectHunks';

const before = ['import a from "a";', 'const x = 1;', 'const y = 2;', 'const z = 3;', 'export { x, y, z };', ''].join('\n');
// Hunk 0: a new import after line 1; hunk 1: y changed; hunk 2: a line added at the end.
const after = ['import a from "a";', 'import b from "b";', 'const x = 1;', 'const y = 20;', 'const z = 3;', 'export { x, y, z };', 'app.use(b);', ''].join('\n');

describe('selectHunks (take or leave each hunk of a proposed file)', () => {
  it('numbers the changed runs in file order', () => {
    assert.equal(countHunks(before, after), 3);
    assert.equal(countHunks(undefined, 'new\nfile\n'), 1);
    assert.equal(countHunks(before, before), 0);
  });

  it('taking every hunk gives the proposal, taking none gives the original', () => {
    assert.equal(selectHunks(before, after, () => true).text, after);
    assert.equal(selectHunks(before, after, () => false).text, before);
    assert.equal(selectHunks(undefined, 'x\n', () => false).text, '');
  });

  it('leaving the middle hunk keeps its original line and the other two changes', () => {
    const selected = selectHunks(before, after, (i) => i !== 1);
    assert.equal(selected.text, ['import a from "a";', 'import b from "b";', 'const x = 1;', 'const y = 2;', 'const z = 3;', 'export { x, y, z };', 'app.use(b);', ''].join('\n'));
    assert.deepEqual(selected.hunks.map((h) => ({ taken: h.taken, line: h.line, added: h.added, removed: h.removed })), [
      { taken: true, line: 1, added: 1, removed: 0 },
      { taken: false, line: 3, added: 1, removed: 1 },
      { taken: true, line: 6, added: 1, removed: 0 },
    ]);
  });

  it('places a left insertion where it would go and maps surviving lines of the proposal', () => {
    const selected = selectHunks(before, after, (i) => i !== 0);
    assert.equal(selected.hunks[0]?.line, 1);
    assert.equal(selected.hunks[1]?.line, 2, 'the y change moves up one line');
    // after line 1 (the new import) is left out; after line 3 (y = 20) is line 2 of the result.
    assert.equal(selected.afterLineMap[1], undefined);
    assert.equal(selected.afterLineMap[3], 2);
    assert.equal(selected.afterLineMap[6], 5);
  });

  it('keeps a file without a final newline exact', () => {
    assert.equal(selectHunks('a\nb', 'a\nc', () => true).text, 'a\nc');
    assert.equal(selectHunks('a\nb', 'a\nc', () => false).text, 'a\nb');
  });
});

describe('ReviewSelection (files and hunks a reviewer takes)', () => {
  const changeSet: ChangeSet = {
    root: '/p',
    summary: 'Add users',
    files: [
      { path: 'src/app.ts', before, after, diagnostics: [{ line: 7, column: 1, message: "Cannot find name 'app'.", code: 2304, category: 'error' }] },
      { path: 'src/users.ts', before: undefined, after: 'export const users = [];\n' },
    ],
  };

  it('takes everything at first', () => {
    const review = new ReviewSelection(changeSet);
    assert.deepEqual(review.selectedChangeSet().files.map((f) => f.after), [after, 'export const users = [];\n']);
    assert.deepEqual(review.leftFiles(), []);
  });

  it('leaving a file drops it from the applied set; taking it back restores it', () => {
    const review = new ReviewSelection(changeSet);
    assert.ok(review.setFile('src/users.ts', false));
    assert.deepEqual(review.selectedChangeSet().files.map((f) => f.path), ['src/app.ts']);
    assert.deepEqual(review.leftFiles(), ['src/users.ts']);
    assert.ok(review.setFile('src/users.ts', true));
    assert.equal(review.selectedChangeSet().files.length, 2);
  });

  it('leaving a hunk changes the applied text and renumbers diagnostics on surviving lines', () => {
    const review = new ReviewSelection(changeSet);
    assert.ok(review.setHunk('src/app.ts', 0, false));
    const app = review.selectedChangeSet().files[0];
    assert.ok(app);
    assert.ok(!app.after.includes('import b'));
    assert.ok(app.after.includes('app.use(b);'));
    assert.deepEqual(app.diagnostics?.map((d) => d.line), [6], 'line 7 of the proposal is line 6 without the import');
    assert.ok(review.setHunk('src/app.ts', 2, false));
    assert.deepEqual(review.selectedChangeSet().files[0]?.diagnostics, [], 'the line with the error is left out');
  });

  it('leaving every hunk of a file leaves the file; unknown paths and hunks are refused', () => {
    const review = new ReviewSelection(changeSet);
    for (const i of [0, 1, 2]) {
      review.setHunk('src/app.ts', i, false);
    }
    assert.equal(review.isTaken('src/app.ts'), false);
    assert.deepEqual(review.selectedChangeSet().files.map((f) => f.path), ['src/users.ts']);
    assert.equal(review.setHunk('src/app.ts', 3, true), false);
    assert.equal(review.setHunk('nope.ts', 0, true), false);
    assert.equal(review.setFile('nope.ts', true), false);
    assert.equal(review.file('nope.ts'), undefined);
  });
});
