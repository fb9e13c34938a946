import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LLM_SETTINGS, DEFAULT_MAX_CONTEXT_LINES } from '../../src/core/defaults';

interface Manifest {
  activationEvents: string[];
  main: string;
  l10n?: string;
  engines: { vscode: string };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    walkthroughs?: { id: string; title: string; steps: { id: string; title: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[] }[];
    configuration: { properties: Record<string, { default: unknown; markdownDescription?: string; scope?: string }> };
  };
  devDependencies: Record<string, string>;
}

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('package.json (extension manifest)', () => {
  it('activates after startup only (status bar, first-run walkthrough); the heavy adapter stays lazy', () => {
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished']);
    assert.equal(manifest.main, './dist/extension.js');
    const extension = readFileSync(join(root, 'src', 'extension.ts'), 'utf8');
    const imports = [...extension.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    assert.deepEqual(imports.sort(), ['./vscode/adapter', './vscode/commandIds', './vscode/serverStatusBar', 'vscode']);
    assert.match(extension, /import type \* as AdapterModule/, 'the adapter is imported for its types only');
    const statusBar = readFileSync(join(root, 'src', 'vscode', 'serverStatusBar.ts'), 'utf8');
    assert.deepEqual([...statusBar.matchAll(/from '([^']+)'/g)].map((m) => m[1]).sort(), ['./commandIds', 'vscode']);
  });

  it('keeps commands visible in Restricted Mode (they explain why they will not run) and menus consistent', () => {
    const menus = manifest.contributes.menus;
    for (const [menu, items] of Object.entries(menus)) {
      for (const item of items) {
        assert.doesNotMatch(item.when ?? '', /isWorkspaceTrusted/, `${menu}: ${item.command} is hidden in Restricted Mode`);
      }
    }
    // The editor context menu implies an open editor; otherwise every condition of the palette
    // entry must hold in the context menu too (e.g. Generate Tests: TS/JS only in both).
    const palette = new Map((menus['commandPalette'] ?? []).map((i) => [i.command, i.when ?? '']));
    for (const item of menus['editor/context'] ?? []) {
      const inPalette = palette.get(item.command);
      assert.ok(inPalette !== undefined, `${item.command} is in the context menu but has no palette entry`);
      const context = new Set((item.when ?? '').split('&&').map((c) => c.trim()));
      for (const condition of inPalette.split('&&').map((c) => c.trim()).filter((c) => c && c !== 'editorIsOpen')) {
        assert.ok(context.has(condition), `${item.command}: the context menu lacks "${condition}" that the palette requires`);
      }
    }
    assert.equal(palette.get('routecraft.generateTests'), 'editorLangId =~ /^(typescript|javascript)(react)?$/');
  });

  it('declares the walkthrough: connect, explain, endpoint, tests, each with its markdown and a completion event', () => {
    const walkthrough = manifest.contributes.walkthroughs?.[0];
    assert.ok(walkthrough);
    assert.equal(`routecraft.routecraft#${walkthrough.id}`, 'routecraft.routecraft#routecraft.gettingStarted');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['connect', 'explain', 'endpoint', 'tests']);
    for (const step of walkthrough.steps) {
      for (const text of [step.title, step.description]) {
        const key = /^%(.+)%$/.exec(text)?.[1];
        assert.ok(key && nls[key], `${step.id}: ${text} is localized`);
      }
      assert.ok(step.media.markdown && existsSync(join(root, step.media.markdown)), `${step.id} has its markdown`);
      assert.ok((step.completionEvents ?? []).length > 0);
    }
    assert.match(nls['walkthrough.connect.description'] ?? '', /Ollama/);
    assert.equal(manifest.l10n, './l10n');
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

  it('offers take/leave to the mouse through the checklist; no cursor actions in the editor title or context menu (code-server\'s multi-file editor does not give the extension its inner cursor)', () => {
    const menus = manifest.contributes.menus;
    const pick = (menus['editor/title'] ?? []).find((i) => i.command === 'routecraft.pickReviewChanges');
    assert.equal(pick?.when, 'routecraft.reviewOpen', 'the checklist in the editor title while a review is open');
    for (const command of ['routecraft.toggleReviewChange', 'routecraft.toggleReviewFile']) {
      for (const menu of ['editor/title', 'editor/context']) {
        assert.equal((menus[menu] ?? []).find((i) => i.command === command), undefined, `${command} not in ${menu}`);
      }
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
