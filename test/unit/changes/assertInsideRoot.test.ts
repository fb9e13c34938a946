import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyChangeSet } from '../../../src/core/changes/applyChangeSet';
import { assertInsideRoot } from '../../../src/core/changes/assertInsideRoot';
import { RoutecraftError } from '../../../src/core/errors';
import { TempProject } from './tempProject';

const refused = (pattern: RegExp) => (error: unknown) =>
  error instanceof RoutecraftError && error.code === 'invalid-input' && pattern.test(error.message) && /Nothing was changed/.test(error.message);

describe('assertInsideRoot', () => {
  let project: TempProject;
  let outside: string;
  beforeEach(() => {
    project = new TempProject().write('src/app.ts', 'app').write('node_modules/x/index.js', '');
    outside = mkdtempSync(join(tmpdir(), 'routecraft-outside-'));
  });
  afterEach(() => {
    project.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  it('returns the absolute real path of files inside the root, existing or new', () => {
    const real = realpathSync(project.root);
    assert.equal(assertInsideRoot(project.root, 'src/app.ts'), join(real, 'src', 'app.ts'));
    assert.equal(assertInsideRoot(project.root, 'src/new/deep/file.ts'), join(real, 'src', 'new', 'deep', 'file.ts'));
  });

  const hostile: [string, string, RegExp][] = [
    ['an absolute path', '/etc/passwd', /absolute/],
    ['a Windows drive path', 'C:/Windows/system.ini', /absolute/],
    ['a ".." escape', '../outside.ts', /"\.\."/],
    ['a ".." in the middle', 'src/../../outside.ts', /"\.\."/],
    ['a NUL byte', 'src/app.ts\0.png', /NUL/],
    ['a backslash', 'src\\app.ts', /backslash/],
    ['node_modules', 'node_modules/x/index.js', /node_modules/],
    ['.git (any case)', '.GIT/hooks/pre-commit', /\.git/],
    ['an empty path', '', /empty/],
    ['a "." segment', './src/app.ts', /"\."/],
  ];
  for (const [label, path, pattern] of hostile) {
    it(`refuses ${label}`, () => {
      assert.throws(() => assertInsideRoot(project.root, path), refused(pattern));
    });
  }

  it('refuses a symlinked folder that leaves the root, and a symlinked file', () => {
    symlinkSync(outside, join(project.root, 'src', 'linked'));
    symlinkSync(join(outside, 'secret.txt'), join(project.root, 'src', 'dangling.ts'));
    writeFileSync(join(outside, 'bashrc'), 'x');
    symlinkSync(join(outside, 'bashrc'), join(project.root, 'src', 'config.ts'));
    assert.throws(() => assertInsideRoot(project.root, 'src/linked/evil.ts'), refused(/outside the project/));
    assert.throws(() => assertInsideRoot(project.root, 'src/config.ts'), refused(/outside the project/));
    assert.throws(() => assertInsideRoot(project.root, 'src/dangling.ts'), refused(/broken symbolic link/));
  });

  it('refuses a symlink inside the root that points into node_modules', () => {
    symlinkSync(join(project.root, 'node_modules', 'x'), join(project.root, 'lib'));
    assert.throws(() => assertInsideRoot(project.root, 'lib/index.js'), refused(/node_modules/));
  });

  it('follows a symlink that stays inside the root', () => {
    mkdirSync(join(project.root, 'real'));
    symlinkSync(join(project.root, 'real'), join(project.root, 'alias'));
    assert.equal(assertInsideRoot(project.root, 'alias/x.ts'), join(realpathSync(project.root), 'real', 'x.ts'));
  });

  it('a hostile path in a change set writes nothing at all', async () => {
    const before = project.snapshot();
    await assert.rejects(
      applyChangeSet({
        root: project.root,
        summary: 'evil',
        files: [
          { path: 'src/ok.ts', before: undefined, after: 'fine' },
          { path: '../../etc/cron.d/evil', before: undefined, after: 'rm -rf /' },
        ],
      }),
      refused(/"\.\."/),
    );
    assert.deepEqual(project.snapshot(), before);
  });
});
