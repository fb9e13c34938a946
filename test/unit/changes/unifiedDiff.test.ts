import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { ChangeSet } from '../../../src/core/changes/changeSet';
import { diffStats, formatDiffStats } from '../../../src/core/changes/diffStats';
import { changeSetDiff, unifiedDiff } from '../../../src/core/changes/unifiedDiff';
import { TempProject } from './tempProject';

const appBefore = ['import express from "express";', '', 'const app = express();', 'app.use(express.json());', '', 'export default app;', ''].join('\n');
const appAfter = appBefore.replace('app.use(express.json());', 'app.use(express.json());\napp.use("/users", usersRouter);');

describe('unifiedDiff', () => {
  it('writes git-style headers and hunks with 3 lines of context for a modified file', () => {
    assert.equal(
      unifiedDiff({ path: 'src/app.ts', before: appBefore, after: appAfter }),
      [
        'diff --git a/src/app.ts b/src/app.ts',
        '--- a/src/app.ts',
        '+++ b/src/app.ts',
        '@@ -2,5 +2,6 @@',
        ' ',
        ' const app = express();',
        ' app.use(express.json());',
        '+app.use("/users", usersRouter);',
        ' ',
        ' export default app;',
        '',
      ].join('\n'),
    );
  });

  it('uses /dev/null and "new file mode" for a new file', () => {
    assert.equal(
      unifiedDiff({ path: 'src/users.ts', before: undefined, after: 'export const users = [];\n' }),
      ['diff --git a/src/users.ts b/src/users.ts', 'new file mode 100644', '--- /dev/null', '+++ b/src/users.ts', '@@ -0,0 +1,1 @@', '+export const users = [];', ''].join('\n'),
    );
  });

  it('marks a missing final newline and is empty for a no-op', () => {
    assert.match(unifiedDiff({ path: 'a.ts', before: 'x\n', after: 'x\ny' }), /\+y\n\\ No newline at end of file\n$/);
    assert.equal(unifiedDiff({ path: 'a.ts', before: 'same', after: 'same' }), '');
  });

  it('produces a patch that git applies to the original files', () => {
    const project = new TempProject().write('src/app.ts', appBefore);
    try {
      const cs: ChangeSet = {
        root: project.root,
        summary: 'Add users',
        files: [
          { path: 'src/app.ts', before: appBefore, after: appAfter },
          { path: 'src/users/router.ts', before: undefined, after: 'export const usersRouter = 1;\n' },
        ],
      };
      execFileSync('git', ['init', '-q'], { cwd: project.root });
      execFileSync('git', ['apply'], { cwd: project.root, input: changeSetDiff(cs) });
      assert.equal(project.read('src/app.ts'), appAfter);
      assert.equal(project.read('src/users/router.ts'), 'export const usersRouter = 1;\n');
    } finally {
      project.dispose();
    }
  });
});

describe('changeSetDiff and diffStats', () => {
  const cs: ChangeSet = {
    root: '/p',
    summary: 's',
    files: [
      { path: 'b.ts', before: 'one\ntwo\n', after: 'one\n2\nthree\n' },
      { path: 'a.ts', before: undefined, after: 'x\ny\n' },
      { path: 'c.ts', before: 'same', after: 'same' },
    ],
  };

  it('keeps the set order, is stable, and leaves no-op files out', () => {
    const diff = changeSetDiff(cs);
    assert.equal(diff, changeSetDiff(cs));
    assert.deepEqual(
      diff.split('\n').filter((line) => line.startsWith('diff --git')),
      ['diff --git a/b.ts b/b.ts', 'diff --git a/a.ts b/a.ts'],
    );
  });

  it('counts added and removed lines per file', () => {
    const stats = diffStats(cs);
    assert.deepEqual(stats, {
      files: [
        { path: 'b.ts', added: 2, removed: 1, isNew: false },
        { path: 'a.ts', added: 2, removed: 0, isNew: true },
      ],
      added: 4,
      removed: 1,
    });
    assert.equal(formatDiffStats(stats), '2 files changed, 4 insertions(+), 1 deletion(-)');
  });
});
