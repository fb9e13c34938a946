import * as path from 'node:path';

/** The repository root, which is also the extension under development (package.json there). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const extensionRoot = repoRoot;
/** Where scripts/install-code-server.mjs puts Node 24 and code-server. */
export const codeServerDir = path.join(repoRoot, '.vscode-test', 'cs');
export const node24 = path.join(codeServerDir, 'node_modules', 'node', 'bin', 'node');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.ROUTECRAFT_CHROMIUM ?? '/usr/bin/chromium';
/** The small workspace the tests open. */
export const explainDemoWorkspace = path.join(repoRoot, 'test', 'fixtures', 'explain-demo');
/** The in-host mocha suite, bundled by scripts/run-e2e.mjs. */
export const hostSuiteDir = path.join(repoRoot, 'out', 'e2e-suite');
/** Screenshots and logs of failed runs. */
export const resultsDir = path.join(repoRoot, 'test-results', 'e2e');
