import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RoutecraftError } from '../../../src/core/errors';
import { createExclusion, ExcludedFileError, excludedFileMessage, loadExclusion } from '../../../src/core/privacy';

describe('privacy/exclusion', () => {
  const root = path.resolve('/work/project');

  it('excludes secret files by default, at any depth', () => {
    const exclusion = createExclusion({ rootDir: root });
    for (const file of [
      '.env', '.env.local', 'apps/api/.env.production', 'certs/server.pem', 'tls/server.key', 'keys/client.p12',
      'keys/client.pfx', 'id_rsa', 'home/.ssh/id_rsa.pub', 'id_ed25519', 'ca.crt', 'android/release.keystore',
      'credentials.json', 'config/service-account-prod.json', '.aws/credentials', '.npmrc', 'infra/prod.tfvars',
      'infra/terraform.tfstate', 'infra/terraform.tfstate.backup', 'config/secrets.yml',
    ]) {
      assert.equal(exclusion.isExcluded(file), true, file);
    }
  });

  it('keeps ordinary files and env examples', () => {
    const exclusion = createExclusion({ rootDir: root });
    for (const file of ['src/index.ts', 'package.json', '.env.example', 'apps/api/.env.sample', 'src/env.ts', 'src/keyboard.ts', 'docs/tokens.md', 'src/auth/credentials.ts']) {
      assert.equal(exclusion.isExcluded(file), false, file);
    }
  });

  it('applies .routecraftignore after the defaults (gitignore syntax, ! re-includes) and extra patterns last', () => {
    const exclusion = createExclusion({
      rootDir: root,
      ignoreFileText: '# customer data\nfixtures/customers/\n*.sqlite\n!test/fixtures/server.pem\n',
      extra: ['internal/**/*.md'],
    });
    assert.equal(exclusion.isExcluded('fixtures/customers/list.csv'), true);
    assert.equal(exclusion.isExcluded('data/dev.sqlite'), true);
    assert.equal(exclusion.isExcluded('test/fixtures/server.pem'), false);
    assert.equal(exclusion.isExcluded('other/server.pem'), true);
    assert.equal(exclusion.isExcluded('internal/a/b/notes.md'), true);
    assert.deepEqual(exclusion.excludedAmong(['src/a.ts', '.env', 'data/x.sqlite']), ['.env', 'data/x.sqlite']);
  });

  it('accepts Windows separators, ./ prefixes and absolute paths under the root; ignores paths outside it', () => {
    const exclusion = createExclusion({ rootDir: root });
    assert.equal(exclusion.isExcluded('apps\\api\\.env'), true);
    assert.equal(exclusion.isExcluded('./.env'), true);
    assert.equal(exclusion.isExcluded(path.join(root, 'certs', 'a.pem')), true);
    assert.equal(exclusion.isExcluded(path.resolve('/elsewhere/.env')), false);
    assert.equal(exclusion.isExcluded('../.env'), false);
    assert.equal(exclusion.isExcluded(''), false);
  });

  it('can start without the defaults', () => {
    assert.equal(createExclusion({ rootDir: root, useDefaults: false }).isExcluded('.env'), false);
  });

  describe('loadExclusion', () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'routecraft-ignore-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads .routecraftignore from the root when present', async () => {
      await writeFile(path.join(dir, '.routecraftignore'), 'private/\n');
      const exclusion = await loadExclusion(dir);
      assert.equal(exclusion.isExcluded('private/notes.ts'), true);
      assert.equal(exclusion.isExcluded('.env'), true);
      assert.equal(exclusion.isExcluded(path.join(dir, 'private', 'x.ts')), true);
    });

    it('uses the defaults when there is no file', async () => {
      const exclusion = await loadExclusion(dir, ['*.log']);
      assert.equal(exclusion.isExcluded('.env.test'), true);
      assert.equal(exclusion.isExcluded('debug.log'), true);
      assert.equal(exclusion.isExcluded('src/a.ts'), false);
    });

    it('fails loudly when the file exists but cannot be read', async () => {
      await mkdir(path.join(dir, '.routecraftignore'));
      await assert.rejects(loadExclusion(dir), (error: unknown) => error instanceof RoutecraftError && /Could not read \.routecraftignore/.test(error.message));
    });
  });

  it('gives a clear error for a command that needs an excluded file', () => {
    const error = new ExcludedFileError(['.env']);
    assert.ok(error instanceof RoutecraftError);
    assert.equal(error.code, 'invalid-input');
    assert.deepEqual(error.excludedPaths, ['.env']);
    assert.match(error.message, /^"\.env" is excluded from what Routecraft sends to the model \(\.routecraftignore/);
    assert.match(error.message, /"!<path>" line to \.routecraftignore/);
    assert.match(excludedFileMessage(['a.pem', 'b.key']), /^"a\.pem", "b\.key" are excluded/);
  });
});
