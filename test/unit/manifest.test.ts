import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LLM_SETTINGS, DEFAULT_MAX_CONTEXT_LINES } from '../../src/core/defaults';

interface Manifest {
  activationEvents: string[];
  main: string;
  engines: { vscode: string };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string }[]>;
    configuration: { properties: Record<string, { default: unknown; markdownDescription?: string; scope?: string }> };
  };
  devDependencies: Record<string, string>;
}

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('package.json (extension manifest)', () => {
  it('activates lazily: no activation events, commands only', () => {
    assert.deepEqual(manifest.activationEvents, []);
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('gives every command the Routecraft category and a localized title that exists', () => {
    assert.ok(manifest.contributes.commands.length >= 4);
    for (const c of manifest.contributes.commands) {
      assert.match(c.command, /^routecraft\.[a-z][A-Za-z]+$/);
      assert.equal(c.category, 'Routecraft');
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && nls[key], `${c.command} has an nls title`);
    }
  });

  it('only puts declared commands in menus', () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) {
        assert.ok(declared.has(item.command), `${menu} names ${item.command}`);
      }
    }
  });

  it('declares settings whose defaults are the ones the core and CLI use', () => {
    const p = manifest.contributes.configuration.properties;
    assert.equal(p['routecraft.llm.baseUrl']?.default, DEFAULT_LLM_SETTINGS.baseUrl);
    assert.equal(p['routecraft.llm.model']?.default, DEFAULT_LLM_SETTINGS.model);
    assert.equal(p['routecraft.llm.timeoutSeconds']?.default, DEFAULT_LLM_SETTINGS.timeoutMs / 1000);
    assert.equal(p['routecraft.llm.maxRetries']?.default, DEFAULT_LLM_SETTINGS.maxRetries);
    assert.equal(p['routecraft.llm.temperature']?.default, DEFAULT_LLM_SETTINGS.temperature);
    assert.equal(p['routecraft.llm.maxContextLines']?.default, DEFAULT_MAX_CONTEXT_LINES);
    for (const [key, value] of Object.entries(p)) {
      assert.ok(value.scope, `${key} has a scope`);
      const nlsKey = /^%(.+)%$/.exec(value.markdownDescription ?? '')?.[1];
      assert.ok(nlsKey && nls[nlsKey], `${key} has a localized description`);
      assert.doesNotMatch(key, /key|secret|token/i, 'secrets are never settings');
    }
  });

  it('does not type against a newer VS Code API than it declares', () => {
    const engine = /(\d+)\.(\d+)/.exec(manifest.engines.vscode);
    const types = /(\d+)\.(\d+)/.exec(manifest.devDependencies['@types/vscode'] ?? '');
    assert.ok(engine && types);
    assert.ok(Number(types[1]) * 1000 + Number(types[2]) <= Number(engine[1]) * 1000 + Number(engine[2]));
  });

  it('declares a VS Code whose extension host runs the Node that openai needs (Node 22: VS Code 1.101+)', () => {
    const engine = /(\d+)\.(\d+)/.exec(manifest.engines.vscode);
    assert.ok(engine && Number(engine[1]) * 1000 + Number(engine[2]) >= 1101, `engines.vscode ${manifest.engines.vscode}`);
    const openai = JSON.parse(readFileSync(join(root, 'node_modules', 'openai', 'package.json'), 'utf8')) as { engines?: { node?: string } };
    const openaiNode = /(\d+)/.exec(openai.engines?.node ?? '>=0');
    assert.ok(openaiNode && Number(openaiNode[1]) <= 22, 'openai needs a newer Node than VS Code 1.101 ships');
  });
});
