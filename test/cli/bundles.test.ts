import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkspace } from '../generation/fixtureWorkspace';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

// The build stage runs before these tests (scripts/test.mjs); run `npm run build` first by hand.
describe('bundles: what esbuild wrote runs, and the tokenizer is its own lazily loaded chunk', () => {
  before(function () {
    if (!existsSync(join(DIST, 'cli.js'))) {
      this.skip();
    }
  });

  for (const bundle of ['adapter.js', 'cli-main.js']) {
    it(`${bundle} imports ./tokenizer.js on first use instead of inlining the encoding`, () => {
      const text = readFileSync(join(DIST, bundle), 'utf8');
      assert.match(text, /import\(["']\.\/tokenizer\.js["']\)/);
      // A stretch from the middle of the chunk (the encoding's table) must not be in the bundle too.
      const chunk = readFileSync(join(DIST, 'tokenizer.js'), 'utf8');
      const probe = chunk.slice(Math.floor(chunk.length / 2), Math.floor(chunk.length / 2) + 200);
      assert.ok(chunk.length > 1_000_000 && !text.includes(probe), `${bundle} still carries the encoding`);
    });
  }

  it('dist/tokenizer.js counts tokens when imported from a CommonJS bundle, and ships in the .vsix', () => {
    const script = `import(${JSON.stringify(join(DIST, 'tokenizer.js'))}).then((m) => process.stdout.write(String(m.countTokens('hello world'))))`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.stdout, '2', run.stderr);
    const ignore = readFileSync(join(DIST, '..', '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!dist\/tokenizer\.js$/m);
  });

  for (const bundle of ['adapter.js', 'cli-main.js']) {
    it(`${bundle} requires ./sql-parser.js on the first SQL check instead of inlining node-sql-parser`, () => {
      const text = readFileSync(join(DIST, bundle), 'utf8');
      assert.match(text, /require\(["']\.\/sql-parser\.js["']\)/);
      const chunk = readFileSync(join(DIST, 'sql-parser.js'), 'utf8');
      const probe = chunk.slice(Math.floor(chunk.length / 2), Math.floor(chunk.length / 2) + 200);
      assert.ok(chunk.length > 1_000_000 && !text.includes(probe), `${bundle} still carries node-sql-parser`);
    });
  }

  it('dist/sql-parser.js parses SQL when required from a CommonJS bundle, and ships in the .vsix', () => {
    const script = `const { Parser } = require(${JSON.stringify(join(DIST, 'sql-parser.js'))}); process.stdout.write(new Parser().astify('select a from t', { database: 'postgresql' }).type)`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.stdout, 'select', run.stderr);
    assert.match(readFileSync(join(DIST, '..', '.vscodeignore'), 'utf8'), /^!dist\/sql-parser\.js$/m);
  });

  for (const bundle of ['adapter.js', 'cli-main.js']) {
    it(`${bundle} requires ./pg.js only for a live database instead of inlining the pg driver`, () => {
      const text = readFileSync(join(DIST, bundle), 'utf8');
      assert.match(text, /require\(["']\.\/pg\.js["']\)/);
      assert.doesNotMatch(text, /pg-native/, `${bundle} carries the pg driver`);
    });
  }

  it('dist/pg.js gives a pg Client when required from a CommonJS bundle, and ships in the .vsix', () => {
    const script = `const { Client } = require(${JSON.stringify(join(DIST, 'pg.js'))}); process.stdout.write(typeof new Client({}).query)`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.stdout, 'function', run.stderr);
    assert.match(readFileSync(join(DIST, '..', '.vscodeignore'), 'utf8'), /^!dist\/pg\.js$/m);
  });

  it('dist/cli.js is a small launcher that turns on the compile cache before requiring dist/cli-main.js', () => {
    const launcher = readFileSync(join(DIST, 'cli.js'), 'utf8');
    assert.ok(launcher.length < 8_000, `dist/cli.js is ${String(launcher.length)} bytes: the CLI bundle was inlined`);
    assert.match(launcher, /^#!\/usr\/bin\/env node/);
    assert.match(launcher, /enableCompileCache/);
    assert.match(launcher, /require\(["']\.\/cli-main\.js["']\)/);
    assert.ok(existsSync(join(DIST, 'cli-main.js.map')), 'the CLI bundle keeps its source map');
  });

  it('dist/cli.js generates an endpoint from a spec on a fixture (every bundled dependency resolves)', function () {
    this.timeout(120_000);
    const root = prepareWorkspace('express5-vitest', 'bundle-cli');
    const spec = join(DIST, '..', 'corpus', 'specs', '01-gadgets-crud.yaml');
    const run = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'endpoint', '--spec', spec, '--project', root], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\+\+\+ b\/src\/routes\/gadgets\.ts/);
  });
});

describe('bundles: the embedded databases ship inside dist/ (the .vsix has no node_modules)', () => {
  it('PGlite and sql.js load and answer from dist/node_modules alone, and the .vsix includes them', function () {
    this.timeout(120_000);
    const engines = join(DIST, 'node_modules');
    if (!existsSync(engines)) {
      this.skip();
    }
    const script = `(async () => {
      const { PGlite } = require(${JSON.stringify(join(engines, '@electric-sql', 'pglite'))});
      const init = require(${JSON.stringify(join(engines, 'sql.js'))});
      const pg = new PGlite();
      const a = (await pg.query('select 40 + 2 as x')).rows[0].x;
      const b = new (await init()).Database().exec('select 6 * 7')[0].values[0][0];
      process.stdout.write(a + ',' + b);
    })()`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: engines });
    assert.equal(run.stdout, '42,42', run.stderr);
    assert.match(readFileSync(join(DIST, '..', '.vscodeignore'), 'utf8'), /^!dist\/node_modules\/\*\*$/m);
  });
});
