import assert from 'node:assert/strict';
import { effectiveValue, isLoopbackOrigin, keySlot, legacyKeyTarget, originOf, sourceOf } from '../../../src/core/llm/keyBinding';

const DEFAULT = 'http://localhost:11434/v1';

function slotOf(baseUrl: string, source: Parameters<typeof keySlot>[1], ws?: string): { origin: string; secretId: string; bound: string; loopback: boolean } {
  const slot = keySlot(baseUrl, source, ws);
  assert.equal(slot.kind, 'slot', JSON.stringify(slot));
  return slot.kind === 'slot' ? slot : { origin: '', secretId: '', bound: '', loopback: false };
}

describe('keyBinding (which stored key may travel with a request)', () => {
  it('reduces a base URL to its origin (scheme, host, non-default port), lower-case', () => {
    assert.equal(originOf('https://API.OpenAI.com:443/v1/'), 'https://api.openai.com');
    assert.equal(originOf('http://127.0.0.1:8080/v1'), 'http://127.0.0.1:8080');
    assert.equal(originOf(' https://user:pw@host.example/v1 '), 'https://host.example');
    assert.equal(originOf('ftp://host/v1'), undefined);
    assert.equal(originOf('not a url'), undefined);
  });

  it('tells loopback servers from remote ones', () => {
    assert.ok(isLoopbackOrigin('http://localhost:11434'));
    assert.ok(isLoopbackOrigin('http://127.0.0.5:1'));
    assert.ok(isLoopbackOrigin('http://[::1]:8000'));
    assert.ok(!isLoopbackOrigin('https://api.openai.com'));
    assert.ok(!isLoopbackOrigin('http://localhost.evil.example'));
    assert.ok(!isLoopbackOrigin('http://127.0.0.1.evil.example'));
  });

  it('names the layer the effective value comes from, the most specific non-empty one', () => {
    assert.equal(sourceOf({ defaultValue: DEFAULT }), 'default');
    assert.equal(sourceOf({ defaultValue: DEFAULT, globalValue: 'https://a.example/v1' }), 'user');
    assert.equal(sourceOf({ defaultValue: DEFAULT, globalValue: 'https://a.example/v1', workspaceValue: 'https://b.example/v1' }), 'workspace');
    assert.equal(sourceOf({ globalValue: 'https://a.example/v1', workspaceValue: 'https://b.example/v1', workspaceFolderValue: 'https://c.example/v1' }), 'workspaceFolder');
    assert.equal(sourceOf({ globalValue: 'https://a.example/v1', workspaceValue: '  ' }), 'user', 'an empty workspace value does not count');
    assert.equal(effectiveValue({ defaultValue: DEFAULT, workspaceValue: ' https://b.example/v1 ' }, DEFAULT), 'https://b.example/v1');
    assert.equal(effectiveValue({}, DEFAULT), DEFAULT);
  });

  it('binds a user-level key to its origin only: another host or port gets another slot', () => {
    const openai = slotOf('https://api.openai.com/v1', 'user');
    assert.equal(openai.bound, 'user');
    assert.equal(slotOf('https://api.openai.com/other/v1', 'user').secretId, openai.secretId, 'same origin, same key');
    assert.notEqual(slotOf('https://api.openai.com.evil.example/v1', 'user').secretId, openai.secretId);
    assert.notEqual(slotOf('http://api.openai.com/v1', 'user').secretId, openai.secretId, 'http is another origin');
    assert.notEqual(slotOf('https://api.openai.com:8443/v1', 'user').secretId, openai.secretId);
    assert.equal(slotOf(DEFAULT, 'default').secretId, slotOf('http://localhost:11434/v1', 'user').secretId);
  });

  it('never gives a workspace-chosen server the user key, even for the same origin', () => {
    const user = slotOf('https://api.openai.com/v1', 'user');
    for (const source of ['workspace', 'workspaceFolder'] as const) {
      const ws = slotOf('https://api.openai.com/v1', source, 'ws1');
      assert.equal(ws.bound, 'workspace');
      assert.notEqual(ws.secretId, user.secretId);
      assert.notEqual(ws.secretId, slotOf('https://api.openai.com/v1', source, 'ws2').secretId, 'one workspace cannot read another\'s key');
    }
  });

  it('reports an unusable URL instead of choosing a slot', () => {
    assert.deepEqual(keySlot('javascript:alert(1)', 'user', undefined), { kind: 'invalid-url', baseUrl: 'javascript:alert(1)' });
  });

  it('migrates the old single key to the user-level server, never to a workspace value', () => {
    const layers = { defaultValue: DEFAULT, globalValue: 'https://api.deepseek.com/v1', workspaceValue: 'https://evil.example/v1' };
    const target = legacyKeyTarget(layers, DEFAULT);
    assert.equal(target.kind === 'slot' && target.secretId, slotOf('https://api.deepseek.com/v1', 'user').secretId);
    const noUser = legacyKeyTarget({ defaultValue: DEFAULT, workspaceValue: 'https://evil.example/v1' }, DEFAULT);
    assert.equal(noUser.kind === 'slot' && noUser.origin, 'http://localhost:11434');
  });
});
