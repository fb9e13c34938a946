import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMemoryProjectFiles, createNodeProjectFiles, projectPath, type ProjectFileReader } from '../../../src/core/project';

const TREE: Readonly<Record<string, string>> = {
  'package.json': '{ "name": "p" }\n',
  'src/app.ts': 'export const app = 1;\n',
  'src/routes/users.ts': 'export const users = [];\n',
};

/** The same questions asked of both implementations: they must answer alike. */
function checkReader(files: ProjectFileReader): void {
  assert.equal(files.read('src/app.ts'), 'export const app = 1;\n');
  assert.equal(files.read('src/missing.ts'), undefined);
  assert.equal(files.read('src'), undefined, 'a directory has no text');
  assert.equal(files.exists('src/routes'), true);
  assert.equal(files.exists('src/routes/users.ts'), true);
  assert.equal(files.exists('lib'), false);
  assert.equal(files.isFile('src/routes/users.ts'), true);
  assert.equal(files.isFile('src/routes'), false);
  assert.equal(files.isFile('src/nope.ts'), false);
  assert.deepEqual([...files.list('src')].sort(), ['app.ts', 'routes/']);
  assert.deepEqual([...files.list('')].sort(), ['package.json', 'src/']);
  assert.deepEqual(files.list('missing'), []);
  assert.deepEqual(files.list('src/app.ts'), []);
}

describe('ProjectFiles: the synchronous view of a project', () => {
  let root = '';
  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'routecraft-files-'));
    for (const [file, text] of Object.entries(TREE)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads, tests and lists a real folder', () => {
    checkReader(createNodeProjectFiles(root));
  });

  it('answers the same over files in memory', () => {
    checkReader(createMemoryProjectFiles(TREE));
  });

  it('reaches a parent folder through `..` and maps absolute paths to root-relative ones', () => {
    const files = createNodeProjectFiles(path.join(root, 'src'));
    assert.equal(files.read('../package.json'), '{ "name": "p" }\n');
    assert.equal(projectPath(root, path.join(root, 'src', 'routes', 'users.ts')), 'src/routes/users.ts');
    assert.equal(projectPath(path.join(root, 'src'), path.join(root, 'package.json')), '../package.json');
  });
});
