import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = sources(join(root, 'src')).map((path) => ({ path: relative(root, path).replace(/\\/g, '/'), text: readFileSync(path, 'utf8') }));

/** Files that mention `pattern`, outside the allowed ones. */
function offenders(pattern: RegExp, allowed: (path: string) => boolean): string[] {
  return files.filter((f) => pattern.test(f.text) && !allowed(f.path)).map((f) => f.path);
}

describe('every LLM call goes through the gateway', () => {
  it('only src/core/llm imports the openai package', () => {
    assert.deepEqual(offenders(/from ['"]openai(?:\/[^'"]*)?['"]|require\(['"]openai/, (p) => p.startsWith('src/core/llm/')), []);
  });

  it('only the gateway factory builds the transport (createLlmClient)', () => {
    assert.deepEqual(
      offenders(/\bcreateLlmClient\b/, (p) => p.startsWith('src/core/llm/') || p === 'src/core/gateway/createLlm.ts'),
      [],
    );
  });

  it('commands and the CLI get their client from createLlm', () => {
    const users = files.filter((f) => /\bcreateLlm\(/.test(f.text)).map((f) => f.path);
    assert.ok(users.some((p) => p.startsWith('src/vscode/')), `the extension uses createLlm (found in ${users.join(', ')})`);
    assert.ok(users.some((p) => p.startsWith('src/cli/')), 'the CLI uses createLlm');
  });

  it('no feature calls fetch or http directly (a way around the gateway)', () => {
    const network = /\bfetch\(|from ['"]node:https?['"]|require\(['"]https?['"]\)|from ['"]undici['"]/;
    assert.deepEqual(offenders(network, (p) => p.startsWith('src/core/llm/') || p.startsWith('src/core/cache/')), []);
  });
});
