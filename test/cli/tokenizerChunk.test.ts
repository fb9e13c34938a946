import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

// The build stage runs before these tests (scripts/test.mjs); run `npm run build` first by hand.
describe('bundles: the tokenizer is its own lazily loaded chunk', () => {
  before(function () {
    if (!existsSync(join(DIST, 'cli.js'))) {
      this.skip();
    }
  });

  for (const bundle of ['adapter.js', 'cli.js']) {
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
});
