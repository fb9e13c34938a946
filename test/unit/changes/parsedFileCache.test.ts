import assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { ts } from 'ts-morph';
import type { ChangeSet } from '../../../src/core/changes/changeSet';
import { ParsedFileCache } from '../../../src/core/changes/parsedFileCache';
import { typeCheckChangeSet } from '../../../src/core/changes/typeCheckChangeSet';
import { TempProject } from './tempProject';

/** Counts the parses the cache could not answer from what it kept. */
class CountingCache extends ParsedFileCache {
  parsed: string[] = [];
  override getOrParse(fileName: string, optionsKey: string, parse: () => ts.SourceFile | undefined, immutable = false): ts.SourceFile | undefined {
    return super.getOrParse(fileName, optionsKey, () => {
      this.parsed.push(fileName);
      return parse();
    }, immutable);
  }
}

describe('typeCheckChangeSet with a kept ParsedFileCache (the warm path)', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject()
      .write('package.json', JSON.stringify({ type: 'module' }))
      .write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: [], skipLibCheck: true } }))
      .write('src/user.ts', 'export interface User {\n  id: number;\n}\n');
  });
  afterEach(() => project.dispose());

  const files: ChangeSet['files'] = [{ path: 'src/use.ts', before: undefined, after: "import type { User } from './user.js';\nexport const u: User = { id: 1 };\n" }];

  it('parses the project and lib files once; a second check of a new text parses nothing again', async () => {
    const cache = new CountingCache();
    const first = await typeCheckChangeSet({ root: project.root, summary: 's', files }, { cache });
    assert.deepEqual(first.files[0]?.diagnostics, []);
    assert.ok(cache.parsed.some((f) => f.endsWith('/src/user.ts')) && cache.parsed.some((f) => /lib\.es20\d\d/.test(f)), cache.parsed.join('\n'));
    cache.parsed = [];
    const changed = [{ ...files[0]!, after: "import type { User } from './user.js';\nexport const u: User = { id: 'one' };\n" }];
    const second = await typeCheckChangeSet({ root: project.root, summary: 's', files: changed }, { cache });
    assert.deepEqual(cache.parsed, []);
    assert.deepEqual(second.files[0]?.diagnostics?.map((d) => d.code), [2322]);
  });

  it('parses a file again when it changed on disk (mtime or size), so the check never sees a stale declaration', async () => {
    const cache = new ParsedFileCache();
    assert.deepEqual((await typeCheckChangeSet({ root: project.root, summary: 's', files }, { cache })).files[0]?.diagnostics, []);
    project.write('src/user.ts', 'export interface User {\n  id: string;\n}\n');
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(project.root, 'src/user.ts'), later, later);
    const again = await typeCheckChangeSet({ root: project.root, summary: 's', files }, { cache });
    assert.deepEqual(again.files[0]?.diagnostics?.map((d) => d.code), [2322]);
    cache.clear();
    assert.equal(cache.size, 0);
  });
});
