import type { ImportDeclarationStructure, OptionalKind, SourceFile } from 'ts-morph';
import { ensureImport, type ImportSpec } from '../../codegen/shared/imports';
import { namesOf } from '../answer/parseTestPlan';
import type { TestContext } from '../context/testContext';

const API_NAMES: Readonly<Record<string, readonly string[]>> = {
  vitest: ['afterAll', 'afterEach', 'beforeAll', 'beforeEach', 'describe', 'expect', 'it', 'test', 'vi'],
  'node:test': ['after', 'afterEach', 'before', 'beforeEach', 'describe', 'it', 'mock', 'test'],
  '@jest/globals': ['afterAll', 'afterEach', 'beforeAll', 'beforeEach', 'describe', 'expect', 'it', 'jest', 'test'],
};

const DEFAULT_API_MODULE: Readonly<Record<TestContext['runner']['name'], string | undefined>> = { vitest: 'vitest', 'node:test': 'node:test', jest: undefined, mocha: undefined };

/** The module the runner's API is imported from (undefined: globals), as the project's tests do. */
function apiModule(file: SourceFile, context: TestContext): string | undefined {
  if (file.getImportDeclaration('@jest/globals') !== undefined && context.runner.name === 'jest') {
    return '@jest/globals';
  }
  return context.conventions === undefined ? DEFAULT_API_MODULE[context.runner.name] : context.conventions.runnerApi.module;
}

/** The answer's import without the runner's API names when the project uses them as globals. */
function withoutGlobals(structure: OptionalKind<ImportDeclarationStructure>, runnerModule: string | undefined): OptionalKind<ImportDeclarationStructure> | undefined {
  const names = API_NAMES[structure.moduleSpecifier];
  if (names === undefined || runnerModule === structure.moduleSpecifier || structure.isTypeOnly === true || !Array.isArray(structure.namedImports)) {
    return structure;
  }
  const namedImports = structure.namedImports.filter((n) => typeof n === 'function' || (typeof n === 'string' ? !names.includes(n) : n.isTypeOnly === true || !names.includes(n.name)));
  return namedImports.length === 0 && structure.defaultImport === undefined && structure.namespaceImport === undefined ? undefined : { ...structure, namedImports };
}

/** The names the file's imports (and top-level declarations) already bring into scope. */
function declaredNames(file: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const decl of file.getImportDeclarations()) {
    const def = decl.getDefaultImport();
    const ns = decl.getNamespaceImport();
    if (def !== undefined) {
      names.add(def.getText());
    }
    if (ns !== undefined) {
      names.add(ns.getText());
    }
    decl.getNamedImports().forEach((n) => names.add(n.getAliasNode()?.getText() ?? n.getName()));
  }
  file.getVariableDeclarations().forEach((v) => names.add(v.getName()));
  file.getFunctions().forEach((f) => names.add(f.getName() ?? ''));
  return names;
}

/**
 * Merges the imports the placed cases need into the file, never twice and only names the cases
 * use: the runner's API from the module the project's tests import it from (none when they use
 * globals; `@jest/globals` when the file already uses it), the project's assertion library, the
 * target's own import, then the answer's extra imports (a name the file already has is skipped,
 * whatever module it came from; the runner's API names are skipped when they are globals).
 */
export function mergeTestImports(file: SourceFile, context: TestContext, imports: readonly OptionalKind<ImportDeclarationStructure>[], used: ReadonlySet<string>): void {
  const declared = declaredNames(file);
  const add = (spec: ImportSpec): void => {
    const names = [spec.defaultName, ...(spec.named ?? []).map((n) => n.name)].filter((n): n is string => n !== undefined);
    const fresh = names.filter((n) => !declared.has(n));
    if (fresh.length === 0) {
      return;
    }
    ensureImport(file, {
      moduleSpecifier: spec.moduleSpecifier,
      ...(spec.defaultName !== undefined && fresh.includes(spec.defaultName) ? { defaultName: spec.defaultName } : {}),
      named: (spec.named ?? []).filter((n) => fresh.includes(n.name)),
    });
    fresh.forEach((n) => declared.add(n));
  };
  const runnerModule = apiModule(file, context);
  if (runnerModule !== undefined) {
    add({ moduleSpecifier: runnerModule, named: (API_NAMES[runnerModule] ?? []).filter((n) => used.has(n)).map((name) => ({ name })) });
  }
  if (used.has('assert') && context.runner.assertion !== 'chai') {
    add({ moduleSpecifier: 'node:assert/strict', defaultName: 'assert' });
  }
  if (used.has('expect') && context.runner.assertion === 'chai') {
    add({ moduleSpecifier: 'chai', named: [{ name: 'expect' }] });
  }
  const { target } = context;
  if (target.importName !== undefined && used.has(target.importName)) {
    add(target.defaultExport ? { moduleSpecifier: context.importPath, defaultName: target.importName } : { moduleSpecifier: context.importPath, named: [{ name: target.importName }] });
  }
  for (const structure of imports.flatMap((i) => withoutGlobals(i, runnerModule) ?? [])) {
    addStructure(file, structure, used, declared, add);
  }
}

function addStructure(file: SourceFile, structure: OptionalKind<ImportDeclarationStructure>, used: ReadonlySet<string>, declared: Set<string>, add: (spec: ImportSpec) => void): void {
  const names = namesOf(structure);
  if (names.length === 0) {
    if (file.getImportDeclaration(structure.moduleSpecifier) === undefined) {
      file.addImportDeclaration({ moduleSpecifier: structure.moduleSpecifier });
    }
    return;
  }
  const wanted = names.filter((n) => used.has(n) && !declared.has(n));
  if (wanted.length === 0) {
    return;
  }
  const named = Array.isArray(structure.namedImports) ? structure.namedImports : [];
  const simple = typeof structure.namespaceImport !== 'string' && structure.isTypeOnly !== true && named.every((n) => typeof n === 'string' || (typeof n === 'object' && n.alias === undefined));
  if (simple) {
    add({
      moduleSpecifier: structure.moduleSpecifier,
      ...(typeof structure.defaultImport === 'string' && wanted.includes(structure.defaultImport) ? { defaultName: structure.defaultImport } : {}),
      named: named.flatMap((n) => {
        const spec = typeof n === 'string' ? { name: n } : typeof n === 'function' ? undefined : { name: n.name, typeOnly: n.isTypeOnly === true };
        return spec !== undefined && wanted.includes(spec.name) ? [spec] : [];
      }),
    });
    return;
  }
  file.addImportDeclaration(structure);
  names.forEach((n) => declared.add(n));
}
