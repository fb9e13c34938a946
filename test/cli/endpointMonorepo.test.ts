import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { snapshotTree } from '../support/snapshotTree';

const SPEC = join(__dirname, '..', '..', 'corpus', 'specs', '01-gadgets-crud.yaml');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: {}, cwd: process.cwd(), signal: new AbortController().signal });
  return { code, out, err };
}

/** npm workspaces with two Express apps (nothing installed: the CLI must stop before it needs anything). */
function writeWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'routecraft-monorepo-'));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
    'apps/shop/package.json': JSON.stringify({ name: '@ws/shop', dependencies: { express: '^5.0.0' } }),
    'apps/shop/src/app.ts': "import express from 'express';\nexport const app = express();\n",
    'apps/admin/package.json': JSON.stringify({ name: '@ws/admin', dependencies: { express: '^5.0.0' } }),
    'apps/admin/src/app.ts': "import express from 'express';\nexport const app = express();\n",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('routecraft endpoint in a monorepo (CLI)', () => {
  let root: string;
  beforeEach(() => {
    root = writeWorkspace();
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('at a workspace root with two backend apps: exit 2, the candidates and --package named, nothing written', async () => {
    const before = snapshotTree(root);
    const { code, out, err } = await cli(['endpoint', '--spec', SPEC, '--project', root, '--write']);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /several backend packages \(apps\/admin \(@ws\/admin, express\), apps\/shop \(@ws\/shop, express\)\); choose the one that gets the endpoint\. Pass --package \(apps\/admin, apps\/shop\)\./);
    assert.deepEqual(snapshotTree(root), before);
  });

  it('a package without a test runner: one sentence naming why, then --test-runner and its choices; nothing written', async () => {
    const before = snapshotTree(root);
    const { code, out, err } = await cli(['endpoint', '--spec', SPEC, '--project', root, '--package', 'apps/shop', '--write']);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^routecraft: no test runner in package\.json, and no test file shows one\. Pass --test-runner \(vitest, jest, node:test, mocha\)\.$/m);
    assert.deepEqual(snapshotTree(root), before);
  });

  it('--package naming no member is refused with the members listed, nothing written', async () => {
    const before = snapshotTree(root);
    const { code, err } = await cli(['endpoint', '--spec', SPEC, '--project', root, '--package', '@ws/billing', '--write']);
    assert.equal(code, 2);
    assert.match(err, /No package "@ws\/billing" in the npm workspaces monorepo at .*; its packages are apps\/admin \(@ws\/admin, express\), apps\/shop \(@ws\/shop, express\)\./);
    assert.deepEqual(snapshotTree(root), before);
  });
});
