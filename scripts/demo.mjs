// `npm run demo`: the main job in a real VS Code. Packages the extension as a .vsix, installs it
// into a fresh code-server profile, opens a copy of the example project, and prints the URL.
// LLM settings come from OPENAI_BASE_URL / ROUTECRAFT_MODEL (default: a local Ollama); a key in
// OPENAI_API_KEY is not written anywhere: set it in the editor with "Routecraft: Set API Key".
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cs = join(root, '.vscode-test', 'cs', 'node_modules');
const node24 = join(cs, 'node', 'bin', 'node');
const entry = join(cs, 'code-server', 'out', 'node', 'entry.js');
const demo = join(root, '.vscode-test', 'demo');
const port = Number(process.env.ROUTECRAFT_DEMO_PORT || 8080);

function run(command, args, options = {}) {
  console.log(`[demo] ${command.replace(root + '/', '')} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`[demo] failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

if (!existsSync(entry) || !existsSync(node24)) {
  run(process.execPath, [join(root, 'scripts', 'install-code-server.mjs')]);
}
const vsix = join(demo, 'routecraft.vsix');
rmSync(demo, { recursive: true, force: true });
mkdirSync(join(demo, 'user', 'User'), { recursive: true });
run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix]);

const workspace = join(demo, 'example-project');
cpSync(join(root, 'test', 'fixtures', 'explain-demo'), workspace, { recursive: true });
const settings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  ...(process.env.OPENAI_BASE_URL ? { 'routecraft.llm.baseUrl': process.env.OPENAI_BASE_URL } : {}),
  ...(process.env.ROUTECRAFT_MODEL ? { 'routecraft.llm.model': process.env.ROUTECRAFT_MODEL } : {}),
};
writeFileSync(join(demo, 'user', 'User', 'settings.json'), JSON.stringify(settings, undefined, 2));
writeFileSync(join(demo, 'config.yaml'), 'auth: none\ncert: false\n');
const env = { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_CONFIG_HOME: join(demo, 'xdg-config'), XDG_DATA_HOME: join(demo, 'xdg-data') };
const common = ['--config', join(demo, 'config.yaml'), '--user-data-dir', join(demo, 'user'), '--extensions-dir', join(demo, 'extensions')];
run(node24, [entry, ...common, '--install-extension', vsix], { env });

console.log(`\n[demo] Routecraft is installed. Open http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
console.log('[demo] Select code in src/pricing.ts, then F1 → "Routecraft: Explain Selection". Ctrl-C stops the editor.');
console.log(`[demo] LLM: ${settings['routecraft.llm.baseUrl'] ?? 'http://localhost:11434/v1 (default)'}, model ${settings['routecraft.llm.model'] ?? 'qwen2.5-coder:7b (default)'}\n`);
const server = spawn(node24, [entry, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', workspace], { stdio: 'inherit', env });
process.on('SIGINT', () => server.kill('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));
