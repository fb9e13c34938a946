import { Node, Project, SyntaxKind, type SourceFile } from 'ts-morph';
import type { CodeSnippet } from '../explain/explainContext';

const TS_LIKE = /\.(?:[cm]?[jt]sx?)$/i;

/**
 * The code around `line` (1-based) of a file: the smallest function, method, accessor or
 * constructor holding it (a function-valued `const` with its statement), else the class, else a
 * window of lines. Parsed syntactically (ts-morph, no type checker). Longer than `maxLines`, it is
 * cut to a window centred on the line, so the frame's line is always sent.
 */
export function enclosingCode(path: string, text: string, line: number, maxLines: number): CodeSnippet {
  const lines = text.split('\n');
  const target = Math.min(Math.max(1, line), lines.length);
  const found = TS_LIKE.test(path) ? enclosingDeclaration(parse(path, text), offsetOf(lines, target)) : undefined;
  let start = found ? found.startLine : Math.max(1, target - 5);
  let end = found ? found.endLine : Math.min(lines.length, target + 5);
  const label = found?.label ?? `lines around ${target}`;
  if (end - start + 1 > maxLines) {
    const before = Math.floor((maxLines - 1) / 2);
    start = Math.max(start, target - before);
    end = Math.min(end, start + maxLines - 1);
  }
  return { label, startLine: start, endLine: end, text: lines.slice(start - 1, end).join('\n') };
}

function parse(path: string, text: string): SourceFile {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: true } });
  return project.createSourceFile(`/${path.replace(/^[/\\]+/, '')}`, text, { overwrite: true });
}

function offsetOf(lines: readonly string[], line: number): number {
  let offset = 0;
  for (let i = 0; i < line - 1; i++) {
    offset += lines[i]!.length + 1;
  }
  return offset + (/^[ \t]*/.exec(lines[line - 1] ?? '')?.[0].length ?? 0);
}

function enclosingDeclaration(file: SourceFile, offset: number): { startLine: number; endLine: number; label: string } | undefined {
  let node: Node | undefined = file.getDescendantAtPos(offset);
  let classNode: Node | undefined;
  while (node && !Node.isSourceFile(node)) {
    if (Node.isClassDeclaration(node) || Node.isClassExpression(node)) {
      classNode ??= node;
    } else if (
      Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node) || Node.isConstructorDeclaration(node) ||
      Node.isGetAccessorDeclaration(node) || Node.isSetAccessorDeclaration(node) || Node.isFunctionExpression(node) || Node.isArrowFunction(node)
    ) {
      // An arrow passed as a callback (`reduce((s, x) => …)`) is small; show the function that holds it.
      if ((Node.isArrowFunction(node) || Node.isFunctionExpression(node)) && !node.getParentIfKind(SyntaxKind.VariableDeclaration)) {
        node = node.getParent();
        continue;
      }
      const shown = node.getParentIfKind(SyntaxKind.VariableDeclaration)?.getFirstAncestorByKind(SyntaxKind.VariableStatement) ?? node;
      return { startLine: shown.getStartLineNumber(true), endLine: shown.getEndLineNumber(), label: labelOf(node) };
    }
    node = node.getParent();
  }
  return classNode ? { startLine: classNode.getStartLineNumber(true), endLine: classNode.getEndLineNumber(), label: labelOf(classNode) } : undefined;
}

function labelOf(node: Node): string {
  if (Node.isMethodDeclaration(node) || Node.isGetAccessorDeclaration(node) || Node.isSetAccessorDeclaration(node)) {
    const owner = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration)?.getName();
    return `method ${owner ? `${owner}.` : ''}${node.getName()}`;
  }
  if (Node.isConstructorDeclaration(node)) {
    return `constructor of ${node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration)?.getName() ?? 'a class'}`;
  }
  if (Node.isClassDeclaration(node)) {
    return `class ${node.getName() ?? '(anonymous)'}`;
  }
  if (Node.isFunctionDeclaration(node)) {
    return `function ${node.getName() ?? '(anonymous)'}`;
  }
  const variable = node.getParentIfKind(SyntaxKind.VariableDeclaration)?.getName();
  return `function ${variable ?? '(anonymous)'}`;
}
