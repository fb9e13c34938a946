import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { dependsOn, packageJsonOrUndefined, parsePackageJson, readPackageJsonSync } from '../../../src/core/project/packageJson';

const SRC = join(__dirname, '..', '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('project/packageJson: the one parser of a project\'s package.json', () => {
  it('parses every dependency section, each section apart, scripts, type and the jest field', () => {
    const read = parsePackageJson(JSON.stringify({
      type: 'module',
      scripts: { test: 'vitest run', bad: 3 },
      dependencies: { fastify: '^5.0.0' },
      devDependencies: { vitest: '^2.0.0' },
      peerDependencies: { zod: '^3.23.0' },
      jest: { rootDir: 'src' },
    }));
    assert.equal(read.kind, 'ok');
    assert.ok(read.kind === 'ok');
    const pkg = read.info;
    assert.equal(pkg.type, 'module');
    assert.deepEqual(pkg.scripts, { test: 'vitest run' });
    assert.deepEqual([...pkg.dependencies.keys()].sort(), ['fastify', 'vitest', 'zod']);
    assert.deepEqual([...pkg.sections.peerDependencies.keys()], ['zod']);
    assert.deepEqual(pkg.jest, { rootDir: 'src' });
    assert.equal(dependsOn(pkg, 'fastify'), true);
    assert.equal(dependsOn(pkg, 'vitest'), true);
    assert.equal(dependsOn(pkg, 'zod'), false, 'a peer dependency is not what the app imports');
    assert.equal(dependsOn(undefined, 'fastify'), false);
  });

  it('tells a missing file from one that is not a JSON object; tolerates comments and trailing commas', () => {
    assert.deepEqual(parsePackageJson(undefined), { kind: 'missing' });
    assert.deepEqual(parsePackageJson('{ "name": '), { kind: 'invalid' });
    assert.deepEqual(parsePackageJson('[1, 2]'), { kind: 'invalid' });
    assert.equal(packageJsonOrUndefined('{ "name": '), undefined);
    assert.equal(packageJsonOrUndefined('{\n  // the app\n  "dependencies": { "hono": "^4.6.0", },\n}')?.dependencies.get('hono'), '^4.6.0');
  });

  it('readPackageJsonSync reads the file in a folder, undefined when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'routecraft-pkg-'));
    try {
      assert.equal(readPackageJsonSync(dir), undefined);
      writeFileSync(join(dir, 'package.json'), '{"type":"commonjs","devDependencies":{"pg":"^8.0.0"}}');
      assert.equal(readPackageJsonSync(dir)?.type, 'commonjs');
      assert.equal(dependsOn(readPackageJsonSync(dir), 'pg'), true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no other core module parses package.json itself (JSON.parse or a regex over its text)', () => {
    const offenders = sourceFiles(join(SRC, 'core')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /JSON\.parse\([^)]*package\.json|read(File|FileSync)?\([^)]*'package\.json'[^)]*\)[^;\n]*\.test\(|\.test\([^)]*read\('package\.json'\)/.test(text);
    }).map((file) => relative(SRC, file));
    assert.deepEqual(offenders, []);
  });
});
