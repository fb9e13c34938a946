import { Node, Project, SyntaxKind, type SourceFile } from 'ts-morph';
import type { ChangedFile, Hunk } from './changedFile';

/** A declaration around a hunk, with its numbered text. */
export interface DeclarationSnippet {
  readonly side: 'before' | 'after';
  readonly label: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
}

/** Exported functions, classes and constants of the new file that the change touches. */
export interface TouchedExport {
  readonly name: string;
  readonly line: number;
}

export interface FileContext {
  /** Per hunk (same order as the file's hunks): the enclosing declarations, before and after. */
  readonly enclosing: readonly (readonly DeclarationSnippet[])[];
  readonly touchedExports: readonly TouchedExport[];
}

const TS_LIKE = /\.(?:[cm]?[jt]sx?)$/i;

/**
 * The declarations a change sits in, from the file before and after (ts-morph, syntax only: no
 * type checker, so a big project costs nothing). A declaration longer than `maxLines`, or one the
 * hunk already shows whole, is left out.
 */
export function fileContext(file: ChangedFile, before: string | undefined, after: string | undefined, maxLines: number): FileContext {
  if (!TS_LIKE.test(file.path) || file.status === 'binary') {
    return { enclosing: file.hunks.map(() => []), touchedExports: [] };
  }
  const afterFile = after === undefined ? undefined : parse(file.path, after);
  const beforeFile = before === undefined ? undefined : parse(file.path, before);
  const enclosing = file.hunks.map((hunk) => {
    const found: DeclarationSnippet[] = [];
    const added = hunk.lines.filter((l) => l.type !== 'remove').map((l) => l.newLine ?? 0).filter((n) => n > 0);
    const removed = hunk.lines.filter((l) => l.type === 'remove').map((l) => l.oldLine ?? 0);
    const afterDecl = afterFile && changedLines(hunk).length > 0 ? declarationAround(afterFile, changedLines(hunk)) : undefined;
    if (afterFile && afterDecl) {
      pushSnippet(found, 'after', afterFile, afterDecl, added, maxLines);
    }
    const beforeDecl = beforeFile && removed.length > 0 ? declarationAround(beforeFile, removed) : undefined;
    // The old version adds nothing when the same declaration is shown after (the diff holds the removed lines).
    if (beforeFile && beforeDecl && !found.some((f) => f.label === describe(beforeDecl))) {
      pushSnippet(found, 'before', beforeFile, beforeDecl, hunk.lines.filter((l) => l.type !== 'add').map((l) => l.oldLine ?? 0), maxLines);
    }
    return found;
  });
  return { enclosing, touchedExports: afterFile ? touchedExports(afterFile, file) : [] };
}

/** New-file lines an added line or a removal is shown at. */
function changedLines(hunk: Hunk): number[] {
  return hunk.lines.filter((l) => l.type === 'add').map((l) => l.newLine ?? 0).concat(hunk.lines.filter((l) => l.type === 'remove').map((l) => l.anchor));
}

function pushSnippet(into: DeclarationSnippet[], side: 'before' | 'after', file: SourceFile, decl: Node, shownLines: readonly number[], maxLines: number): void {
  const startLine = decl.getStartLineNumber(true);
  const endLine = decl.getEndLineNumber();
  const shown = new Set(shownLines);
  let covered = true;
  for (let line = startLine; line <= endLine; line++) {
    covered &&= shown.has(line);
  }
  if (covered || endLine - startLine + 1 > maxLines) {
    return;
  }
  const lines = file.getFullText().split('\n').slice(startLine - 1, endLine);
  into.push({ side, label: describe(decl), startLine, endLine, text: lines.map((l, i) => `${String(startLine + i).padStart(5)}  ${l}`).join('\n') });
}

function parse(path: string, text: string): SourceFile {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: true } });
  return project.createSourceFile(`/${path.replace(/^[/\\]+/, '')}`, text, { overwrite: true });
}

/** The smallest function, method or class holding every one of `lines`. */
function declarationAround(file: SourceFile, lines: readonly number[]): Node | undefined {
  const first = Math.min(...lines);
  const last = Math.max(...lines);
  const text = file.getFullText();
  const start = offsetOfLine(text, first);
  let node: Node | undefined = file.getDescendantAtPos(Math.min(start + leadingSpace(text, start), Math.max(0, text.length - 1)));
  while (node && !Node.isSourceFile(node)) {
    if (isDeclaration(node) && node.getStartLineNumber(true) <= first && node.getEndLineNumber() >= last) {
      return widen(node);
    }
    node = node.getParent();
  }
  return undefined;
}

function isDeclaration(node: Node): boolean {
  return Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node) || Node.isConstructorDeclaration(node) || Node.isClassDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isGetAccessorDeclaration(node) || Node.isSetAccessorDeclaration(node);
}

function widen(node: Node): Node {
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) {
    return node.getFirstAncestorByKind(SyntaxKind.VariableStatement) ?? node.getFirstAncestorByKind(SyntaxKind.ExpressionStatement) ?? node;
  }
  return node;
}

function describe(node: Node): string {
  if (Node.isVariableStatement(node)) {
    return `const ${node.getDeclarations()[0]?.getName() ?? ''}`.trim();
  }
  if (Node.isMethodDeclaration(node)) {
    return `method ${node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration)?.getName() ?? ''}.${node.getName()}`;
  }
  if (Node.isClassDeclaration(node)) {
    return `class ${node.getName() ?? '(anonymous)'}`;
  }
  if (Node.isFunctionDeclaration(node)) {
    return `function ${node.getName() ?? '(anonymous)'}`;
  }
  return node.getKindName();
}

/** Exported declarations whose span holds an added line or a removal. */
function touchedExports(file: SourceFile, changed: ChangedFile): TouchedExport[] {
  const lines = changed.hunks.flatMap((h) => changedLines(h));
  const found: TouchedExport[] = [];
  for (const [name, decls] of file.getExportedDeclarations()) {
    for (const decl of decls) {
      if (decl.getSourceFile() !== file) {
        continue;
      }
      const node = Node.isVariableDeclaration(decl) ? (decl.getFirstAncestorByKind(SyntaxKind.VariableStatement) ?? decl) : decl;
      const start = node.getStartLineNumber(true);
      const end = node.getEndLineNumber();
      if (name !== 'default' && lines.some((l) => l >= start && l <= end)) {
        found.push({ name, line: start });
      }
    }
  }
  return found;
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) {
      return text.length;
    }
    offset = next + 1;
  }
  return offset;
}

function leadingSpace(text: string, offset: number): number {
  return /^[ \t]*/.exec(text.slice(offset, offset + 200))?.[0].length ?? 0;
}
