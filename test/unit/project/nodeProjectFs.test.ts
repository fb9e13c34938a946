import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RoutecraftError } from '../../../src/core/errors';
import { countingProjectFs, createMemoryProjectFs, createNodeProjectFs, detectProject, globToRegExp } from '../../../src/core/project';
import { express4Tree, type Tree } from './projectTrees';

async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const [file, text] of Object.entries(tree)) {
    const target = path.join(root, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
}

/** An Express project of exactly `total` files: 100 feature folders, tests, and node_modules. */
function largeTree(total: number): Tree {
  const tree: Tree = {
    'package.json': `${JSON.stringify({ name: 'big', dependencies: { express: '^4.21.0', zod: '^3.25.0' }, devDependencies: { jest: '^29.7.0', supertest: '^7.0.0', typescript: '5.6.3' } }, null, 2)}\n`,
    'package-lock.json': '{}\n',
    'tsconfig.json': '{ "compilerOptions": { "module": "commonjs" } }\n',
    'src/app.ts': "import express from 'express';\n\nexport const app = express();\napp.use(express.json());\napp.use('/m000', m000Router);\n",
  };
  let i = 0;
  while (Object.keys(tree).length < total) {
    const module = `m${String(i % 100).padStart(3, '0')}`;
    const n = Math.floor(i / 100);
    const kind = i % 7;
    if (kind === 0 && n < 3) {
      tree[`node_modules/dep${i}/index.ts`] = 'export const x = 1;\n';
    } else if (kind === 1) {
      tree[`test/${module}/case${n}.test.ts`] = "import request from 'supertest';\n\ndescribe('x', () => {\n  it('y', () => {\n    expect(1).toBe(1);\n  });\n});\n";
    } else if (n === 0) {
      tree[`src/modules/${module}/${module}.routes.ts`] = `import { Router } from 'express';\n\nexport const ${module}Router = Router();\n\n${module}Router.get('/', (_req, res) => {\n  res.json([]);\n});\n`;
    } else {
      tree[`src/modules/${module}/service${n}.ts`] = `export function service${n}(input: string): string {\n  return input.trim();\n}\n`;
    }
    i += 1;
  }
  return tree;
}

describe('project/ProjectFs', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'routecraft-project-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('node and memory implementations agree on a real folder, and detection gives the same facts', async () => {
    const tree = express4Tree();
    await writeTree(root, tree);
    const disk = createNodeProjectFs(root);
    const memory = createMemoryProjectFs(tree);
    assert.equal(await disk.readFile('src/app.ts'), tree['src/app.ts']);
    assert.equal(await disk.exists('src/routes'), true);
    assert.equal(await disk.exists('nope.ts'), false);
    assert.deepEqual(await disk.readdir('missing'), []);
    await assert.rejects(disk.readFile('nope.ts'), (error: unknown) => error instanceof RoutecraftError && error.code === 'file-not-found');
    await assert.rejects(memory.readFile('nope.ts'), (error: unknown) => error instanceof RoutecraftError && error.code === 'file-not-found');
    assert.deepEqual(await disk.glob('src/**/*.ts'), await memory.glob('src/**/*.ts'));
    assert.deepEqual(await disk.glob('src/**/*.ts'), ['src/app.ts', 'src/server.ts', 'src/routes/orders.ts', 'src/routes/users.ts']);
    assert.deepEqual(await detectProject(root, disk), await detectProject(root, memory));
    assert.equal((await detectProject(root)).layout.appFile, 'src/app.ts', 'the node:fs port is the default');
  });

  it('glob-lite: *, **, ?, {a,b}', () => {
    const re = globToRegExp('src/**/*.{ts,mts}');
    assert.equal(re.test('src/a.ts'), true);
    assert.equal(re.test('src/x/y/a.mts'), true);
    assert.equal(re.test('src/a.js'), false);
    assert.equal(re.test('lib/a.ts'), false);
    assert.equal(globToRegExp('test/?.ts').test('test/a.ts'), true);
    assert.equal(globToRegExp('*.json').test('a/b.json'), false);
  });

  it('reads a bounded number of files on a 3,000-file project', async () => {
    const tree = largeTree(3000);
    assert.equal(Object.keys(tree).length, 3000);
    await writeTree(root, tree);
    const { fs, counts } = countingProjectFs(createNodeProjectFs(root));
    const facts = await detectProject(root, fs);
    assert.ok(counts.readFile <= 60, `readFile ${counts.readFile}`);
    assert.ok(counts.readdir <= 70, `readdir ${counts.readdir}`);
    assert.ok(counts.readFile + counts.readdir + counts.exists <= 200, JSON.stringify(counts));
    assert.deepEqual(facts.framework, { name: 'express', major: 4 });
    assert.equal(facts.layout.appFile, 'src/app.ts');
    assert.equal(facts.layout.routesDir, 'src/modules');
    assert.equal(facts.layout.testsDir, 'test', 'test/m000 … test/m099 mirror the features');
    assert.deepEqual(facts.unknowns, []);
  });
});
