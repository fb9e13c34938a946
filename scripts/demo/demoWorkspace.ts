import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (scripts/demo/../..). */
export const repoRoot = join(import.meta.dirname, '..', '..');

/** The fixture the demo copies: a small Express 5 + vitest + zod backend with its own node_modules. */
export const DEMO_FIXTURE = 'express5-vitest';

/** What the demo workspace holds, as paths. */
export interface DemoWorkspace {
  /** The project folder the editor opens. */
  readonly root: string;
  /** The OpenAPI document: select nothing, run Generate Endpoint (no LLM needed). */
  readonly openApi: string;
  /** A plain-words description: select it, run Generate Endpoint (needs a server). */
  readonly description: string;
}

const DESCRIPTION = `CRUD for products: name (required, 1-120 characters), price (a positive number), tags (optional list of strings)\n`;

const GUIDE = `# Routecraft demo

This is a copy of a small Express 5 + zod + vitest backend, made for this demo; the repository is
never written. Routecraft's commands are in the palette (F1, type "Routecraft").

1. **Generate Endpoint from an OpenAPI document (no LLM needed).** Open \`openapi.yaml\`, select
   nothing, press F1 and run **Routecraft: Generate Endpoint**. Every generated file opens in one
   multi-file review: leave out a change with the editor title's "Choose the Changes to Take…"
   (a checklist), then **Apply** in the editor title. One Undo restores every file.
2. **Explain Selection** (needs a server): select a function in \`src/lib/testgenPricing.ts\`, then
   F1 → **Routecraft: Explain Selection**.
3. **Generate Endpoint from words** (needs a server): select the line in \`endpoint-description.txt\`,
   then F1 → **Routecraft: Generate Endpoint**.
4. **Generate Tests** (needs a server): put the cursor in a function, F1 → **Routecraft: Generate Tests**.

The status bar shows the server and model in use; click it to change them. When the demo started
its own server, the model is called \`DEMO-scripted-answers\`: its answers are canned, not a model's.
`;

/**
 * Copies the demo fixture (without node_modules, which is linked) into `parent`/example-backend and
 * adds an OpenAPI document, a description and a short guide. Throws when the fixture's packages are
 * missing (they come from `node scripts/install-fixtures.mjs`, which `npm run demo` runs first).
 */
export function prepareDemoWorkspace(parent: string): DemoWorkspace {
  const source = join(repoRoot, 'test', 'fixtures', DEMO_FIXTURE);
  const modules = join(source, 'node_modules');
  if (!existsSync(modules)) {
    throw new Error(`${modules} is missing: run node scripts/install-fixtures.mjs (npm run demo does it)`);
  }
  const root = join(parent, 'example-backend');
  mkdirSync(root, { recursive: true });
  cpSync(source, root, { recursive: true, filter: (src) => src !== modules });
  symlinkSync(modules, join(root, 'node_modules'), 'dir');
  const openApi = join(root, 'openapi.yaml');
  cpSync(join(repoRoot, 'docs', 'spec-examples', 'openapi-petstore.yaml'), openApi);
  const description = join(root, 'endpoint-description.txt');
  writeFileSync(description, DESCRIPTION);
  writeFileSync(join(root, 'DEMO.md'), GUIDE);
  return { root, openApi, description };
}
