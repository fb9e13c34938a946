import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMemoryProjectFs } from '../../../src/core/project';
import { createNodeProjectFs } from '../../../src/core/project/nodeProjectFs';
import { readTsconfig } from '../../../src/core/project/tsconfig';

/** A monorepo package (packages/api) whose config extends one hoisted to the repository's node_modules. */
const hoisted: Readonly<Record<string, string>> = {
  'tsconfig.json': '{ "extends": "@repo/tsconfig/node.json", "compilerOptions": { "paths": { "#/*": ["./src/*"] } } }',
  '../../node_modules/@repo/tsconfig/package.json': '{ "name": "@repo/tsconfig", "exports": { "./node.json": "./configs/node-base.json" } }',
  '../../node_modules/@repo/tsconfig/configs/node-base.json': '{ "extends": "./strict.json", "compilerOptions": { "module": "NodeNext", "rootDir": "${configDir}/src" } }',
  '../../node_modules/@repo/tsconfig/configs/strict.json': '{ "compilerOptions": { "strict": true, "moduleResolution": "NodeNext", } }',
};

describe('readTsconfig (TypeScript\'s own config reader)', () => {
  it('follows extends into a hoisted package in an ancestor node_modules, through its exports, with ${configDir}', async () => {
    const info = await readTsconfig(createMemoryProjectFs(hoisted));
    assert.equal(info.file, 'tsconfig.json');
    assert.equal(info.module, 'nodenext');
    assert.equal(info.moduleResolution, 'nodenext');
    assert.equal(info.rootDir, 'src', '${configDir} is the folder of the config that is being read');
    assert.equal(info.baseUrl, '.', 'paths resolve against the folder of the config that set them');
    assert.deepEqual(info.paths, { '#/*': ['./src/*'] });
  });

  it('reads the same from a real folder', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'rc-tsconfig-'));
    try {
      const pkg = join(repo, 'packages', 'api');
      for (const [file, text] of Object.entries(hoisted)) {
        const target = join(pkg, file);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
      const info = await readTsconfig(createNodeProjectFs(pkg));
      assert.equal(info.module, 'nodenext');
      assert.equal(info.rootDir, 'src');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('a config whose base cannot be found keeps its own options; no config gives no file', async () => {
    const info = await readTsconfig(createMemoryProjectFs({ 'tsconfig.json': '{ "extends": "@missing/base", "compilerOptions": { "module": "commonjs" } }' }));
    assert.equal(info.module, 'commonjs');
    assert.deepEqual(await readTsconfig(createMemoryProjectFs({ 'package.json': '{}' })), { paths: {} });
  });

  it('falls back to the next name, and a config that climbs too far stays inside its bounds', async () => {
    const info = await readTsconfig(createMemoryProjectFs({ 'tsconfig.app.json': '{ "extends": "../../../../../../../../../../etc/base.json", "compilerOptions": { "module": "ESNext" } }' }));
    assert.equal(info.file, 'tsconfig.app.json');
    assert.equal(info.module, 'esnext');
  });
});
