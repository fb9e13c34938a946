import { posix } from 'node:path';
import { Node, type ImportSpecifierStructure, type OptionalKind, type SourceFile } from 'ts-morph';

/** An import a generated file needs; merged into existing imports, never duplicated. */
export interface ImportSpec {
  readonly moduleSpecifier: string;
  readonly defaultName?: string;
  /** `import * as name from '...'` (alone in its declaration). */
  readonly namespaceName?: string;
  /** `import name = require('...')` (CommonJS without esModuleInterop: callable under every TypeScript version). */
  readonly requireName?: string;
  readonly named?: readonly { readonly name: string; readonly typeOnly?: boolean }[];
}

/** The module specifier for importing `toFile` from `fromFile` (both relative to the root, `.ts`). */
export function relativeModule(fromFile: string, toFile: string, importExtension: '' | '.js'): string {
  const target = toFile.replace(/\.(ts|tsx|mts|cts)$/, '');
  let rel = posix.relative(posix.dirname(fromFile), target);
  if (!rel.startsWith('.')) {
    rel = `./${rel}`;
  }
  return `${rel}${importExtension}`;
}

/**
 * Adds what `spec` asks for to the file's imports: an existing declaration for the same module gets
 * only the missing names; a new declaration goes after the last import. Returns whether it changed.
 */
export function ensureImport(file: SourceFile, spec: ImportSpec): boolean {
  if (spec.requireName !== undefined) {
    const name = spec.requireName;
    if (file.getStatements().some((st) => Node.isImportEqualsDeclaration(st) && st.getName() === name)) {
      return false;
    }
    const q = file.getProject().manipulationSettings.getQuoteKind() as string;
    const last = file.getImportDeclarations().at(-1);
    file.insertStatements(last ? last.getChildIndex() + 1 : 0, `import ${name} = require(${q}${spec.moduleSpecifier}${q});`);
    return true;
  }
  if (spec.namespaceName !== undefined) {
    const present = file.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === spec.moduleSpecifier && d.getNamespaceImport() !== undefined);
    if (!present) {
      file.addImportDeclaration({ moduleSpecifier: spec.moduleSpecifier, namespaceImport: spec.namespaceName });
    }
    return !present;
  }
  const existing = file.getImportDeclarations().filter((d) => d.getModuleSpecifierValue() === spec.moduleSpecifier && d.getNamespaceImport() === undefined);
  const target = existing.find((d) => !d.isTypeOnly()) ?? existing[0];
  const have = new Set(existing.flatMap((d) => d.getNamedImports().map((n) => n.getName())));
  const missing = (spec.named ?? []).filter((n) => !have.has(n.name));
  const needDefault = spec.defaultName !== undefined && !existing.some((d) => d.getDefaultImport() !== undefined);
  if (missing.length === 0 && !needDefault) {
    return false;
  }
  const named: OptionalKind<ImportSpecifierStructure>[] = missing.map((n) => ({ name: n.name, isTypeOnly: n.typeOnly === true }));
  if (target && !target.isTypeOnly()) {
    if (needDefault && spec.defaultName !== undefined) {
      target.setDefaultImport(spec.defaultName);
    }
    if (named.length > 0) {
      target.addNamedImports(named);
    }
    return true;
  }
  file.addImportDeclaration({
    moduleSpecifier: spec.moduleSpecifier,
    ...(needDefault && spec.defaultName !== undefined ? { defaultImport: spec.defaultName } : {}),
    ...(named.length > 0 ? { namedImports: named } : {}),
  });
  return true;
}

/** Removes the semicolons ts-morph put after imports it added, in a project that writes none. */
export function matchImportSemicolons(file: SourceFile, semicolons: boolean): void {
  if (semicolons) {
    return;
  }
  for (const decl of file.getImportDeclarations()) {
    const text = decl.getText();
    if (text.endsWith(';')) {
      decl.replaceWithText(text.slice(0, -1));
    }
  }
}
