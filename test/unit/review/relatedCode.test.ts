import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { indexProject } from '../../../src/core/review/relatedCode';
import { gitIn } from '../../support/reviewRepo';

const USERS = `export function createUser(name: string): { name: string } {
  return { name };
}

export const MAX_USERS = 10;
`;

/** A project where `createUser` is imported (relative, `.js` specifier, through a barrel) and also has a namesake. */
const FILES: Record<string, string> = {
  'src/users.ts': USERS,
  'src/index.ts': `export { createUser } from './users';\n`,
  'src/routes.ts': `import { createUser } from './users.js';\n\nexport function route(): unknown {\n  return createUser('a');\n}\n`,
  'src/viaBarrel.ts': `import { createUser as make } from './index';\n\nexport const first = make('b');\n`,
  'src/admin.ts': `// A local function of the same name: not a caller of src/users.ts.\nfunction createUser(id: number): number {\n  return id;\n}\n\nexport const admin = createUser(1);\n`,
  'test/users.test.ts': `import { createUser } from '../src/users';\n\nit('creates', () => {\n  createUser('c');\n});\n`,
  'docs/notes.js': `// createUser is documented elsewhere\nconst createUser = 1;\nmodule.exports = createUser;\n`,
};

describe('review context: callers of changed exports', function () {
  this.timeout(30_000);
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'routecraft-callers-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    gitIn(root, 'init', '-q');
  });

  const at = (usages: readonly { file: string; line: number }[]): string[] => usages.map((u) => `${u.file}:${u.line}`).sort();

  it('resolves references with the compiler: imports, .js specifiers and barrels count; namesakes do not', async () => {
    const index = await indexProject({ root });
    const usages = index.usagesOf([{ name: 'createUser', line: 1 }], 'src/users.ts', USERS);
    assert.deepEqual(at(usages), ['src/routes.ts:4', 'src/viaBarrel.ts:3', 'test/users.test.ts:4']);
    assert.ok(usages.every((u) => u.resolved === true));
    assert.equal(usages[0]?.isTest, true, 'tests first');
    assert.equal(usages.find((u) => u.file === 'src/routes.ts')?.text, "return createUser('a');");
  });

  it('falls back to the text search (namesakes included) without the text, or past its time budget', async () => {
    const text = await indexProject({ root });
    const byWord = at(text.usagesOf([{ name: 'createUser', line: 1 }], 'src/users.ts'));
    assert.ok(byWord.includes('src/admin.ts:2'), byWord.join(' '));
    const late = await indexProject({ root, resolveBudgetMs: -1 });
    const usages = late.usagesOf([{ name: 'createUser', line: 1 }], 'src/users.ts', USERS);
    assert.ok(usages.some((u) => u.file === 'src/admin.ts') && usages.every((u) => u.resolved !== true));
  });

  it('a file budget: too many files mentioning the name → text search', async () => {
    const index = await indexProject({ root, maxResolveFiles: 2 });
    assert.ok(index.usagesOf([{ name: 'createUser', line: 1 }], 'src/users.ts', USERS).every((u) => u.resolved !== true));
  });
});
