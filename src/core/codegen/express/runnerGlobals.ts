import { Node } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import type { GeneratedFile } from '../types';

const GLOBAL_NAMES = new Set(['describe', 'it', 'test', 'expect', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach']);

/**
 * Whether the neighbour's tests use vitest's globals: they call `describe`/`it` without importing
 * them from `vitest` (the project sets `globals: true`). Only a neighbour test is evidence.
 */
export function neighbourUsesVitestGlobals(ctx: GenerationContext, neighbourTest: string | undefined): boolean {
  const text = neighbourTest === undefined ? undefined : ctx.input.files.read(neighbourTest);
  if (ctx.input.options.testRunner !== 'vitest' || text === undefined) {
    return false;
  }
  return /\b(?:describe|it|test)\s*\(/.test(text) && !/from\s*['"]vitest['"]/.test(text);
}

/** The generated test file without its `import { describe, expect, it } from 'vitest'`, like its neighbours. */
export function withoutVitestImport(ctx: GenerationContext, generated: GeneratedFile | undefined): GeneratedFile | undefined {
  if (!generated) {
    return undefined;
  }
  const file = ctx.project.createSourceFile(`/__globals__/${generated.path}`, generated.after, { overwrite: true });
  const imports = file.getImportDeclarations().filter((d) => d.getModuleSpecifierValue() === 'vitest'
    && d.getDefaultImport() === undefined && d.getNamespaceImport() === undefined
    && d.getNamedImports().every((n) => GLOBAL_NAMES.has(n.getName())));
  if (imports.length === 0) {
    return generated;
  }
  imports.forEach((d) => d.remove());
  const lastImport = file.getStatements().filter((st) => Node.isImportDeclaration(st)).at(-1);
  const text = file.getFullText().replace(/^\s+/, '');
  const end = lastImport ? lastImport.getEnd() - (file.getFullText().length - text.length) : 0;
  const after = lastImport ? `${text.slice(0, end)}\n\n${text.slice(end).replace(/^\s+/, '')}` : text;
  return after === generated.before ? undefined : { ...generated, after };
}
