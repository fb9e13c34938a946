import { Node, Project, SyntaxKind, type SourceFile } from 'ts-morph';

/** What "Explain" sends about a piece of code: the selection and what surrounds it. */
export interface ExplainInput {
  /** Path shown to the model and the user, relative to the workspace where possible. */
  readonly displayPath: string;
  /** Full text of the file the selection belongs to. */
  readonly fileText: string;
  /** Selection as character offsets into fileText; an empty range means "the code at the cursor". */
  readonly start: number;
  readonly end: number;
  /** Upper bound on the lines of code sent (selection plus surroundings). */
  readonly maxLines: number;
}

export interface CodeSnippet {
  readonly label: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
}

export interface ExplainContext {
  readonly displayPath: string;
  readonly language: string;
  readonly selection: CodeSnippet;
  /** The smallest function, method or class that holds the selection, when it is larger. */
  readonly enclosing?: CodeSnippet;
  /** Same-file functions the selection calls (grounding for the explanation). */
  readonly callees: readonly CodeSnippet[];
  /** True when something was cut to respect maxLines. */
  readonly truncated: boolean;
}

const TS_LIKE = /\.(?:[cm]?[jt]sx?)$/i;

/** Finds what to explain; syntactic only (no type checker), so it stays fast on big files. */
export function buildExplainContext(input: ExplainInput): ExplainContext {
  const start = clamp(Math.min(input.start, input.end), 0, input.fileText.length);
  const end = clamp(Math.max(input.start, input.end), 0, input.fileText.length);
  const language = languageOf(input.displayPath);
  let budget = { lines: Math.max(1, input.maxLines), truncated: false };

  if (!TS_LIKE.test(input.displayPath)) {
    const range = end > start ? { start, end } : lineRangeAt(input.fileText, start);
    const selection = snippet(input.fileText, range.start, range.end, 'selection', budget);
    return { displayPath: input.displayPath, language, selection, callees: [], truncated: budget.truncated };
  }

  const sourceFile = parse(input.displayPath, input.fileText);
  const holder = enclosingDeclaration(sourceFile, start, end);
  const selRange = end > start ? { start, end } : holder ? rangeOf(holder) : lineRangeAt(input.fileText, start);
  const selection = snippet(input.fileText, selRange.start, selRange.end, 'selection', budget);
  budget = { lines: budget.lines - lineCount(selection.text), truncated: budget.truncated };

  let enclosing: CodeSnippet | undefined;
  if (holder && (rangeOf(holder).start < selRange.start || rangeOf(holder).end > selRange.end) && budget.lines > 0) {
    const r = rangeOf(holder);
    enclosing = snippet(input.fileText, r.start, r.end, describeNode(holder), budget);
    budget = { lines: budget.lines - lineCount(enclosing.text), truncated: budget.truncated };
  }

  const callees: CodeSnippet[] = [];
  for (const callee of calleesIn(sourceFile, selRange.start, selRange.end, holder)) {
    if (budget.lines <= 0) {
      budget.truncated = true;
      break;
    }
    const r = rangeOf(callee);
    const s = snippet(input.fileText, r.start, r.end, describeNode(callee), budget);
    callees.push(s);
    budget = { lines: budget.lines - lineCount(s.text), truncated: budget.truncated };
  }

  return { displayPath: input.displayPath, language, selection, enclosing, callees, truncated: budget.truncated };
}

function parse(path: string, text: string): SourceFile {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: true } });
  const name = `/${path.replace(/^[/\\]+/, '').replace(/\\/g, '/')}`;
  return project.createSourceFile(name, text, { overwrite: true });
}

type Declaration = Node;

function isDeclarationOfInterest(node: Node): boolean {
  return (
    Node.isFunctionDeclaration(node) ||
    Node.isMethodDeclaration(node) ||
    Node.isConstructorDeclaration(node) ||
    Node.isGetAccessorDeclaration(node) ||
    Node.isSetAccessorDeclaration(node) ||
    Node.isClassDeclaration(node) ||
    Node.isFunctionExpression(node) ||
    Node.isArrowFunction(node)
  );
}

/** Function-valued variables are shown with their `const x =` statement. */
function widen(node: Node): Node {
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) {
    const statement = node.getFirstAncestorByKind(SyntaxKind.VariableStatement);
    const decl = node.getParentIfKind(SyntaxKind.VariableDeclaration);
    if (decl && statement) {
      return statement;
    }
  }
  return node;
}

function enclosingDeclaration(sourceFile: SourceFile, start: number, end: number): Declaration | undefined {
  let node: Node | undefined = sourceFile.getDescendantAtPos(start);
  while (node && !Node.isSourceFile(node)) {
    if (isDeclarationOfInterest(node) && node.getStart() <= start && node.getEnd() >= end) {
      return widen(node);
    }
    node = node.getParent();
  }
  return undefined;
}

function calleesIn(sourceFile: SourceFile, start: number, end: number, holder: Node | undefined): Node[] {
  const names = new Set<string>();
  sourceFile.forEachDescendant((node, traversal) => {
    if (node.getEnd() < start || node.getStart() > end) {
      traversal.skip();
      return;
    }
    if (Node.isCallExpression(node) || Node.isNewExpression(node)) {
      const target = node.getExpression();
      if (Node.isIdentifier(target)) {
        names.add(target.getText());
      }
    }
  });
  const found: Node[] = [];
  for (const name of names) {
    const decl = sourceFile.getFunction(name) ?? sourceFile.getClass(name) ?? sourceFile.getVariableStatement(name);
    if (decl && decl !== holder && !(decl.getStart() <= start && decl.getEnd() >= end)) {
      found.push(decl);
    }
  }
  return found;
}

function describeNode(node: Node): string {
  const nameNode = Node.hasName(node) ? node.getName() : undefined;
  if (Node.isVariableStatement(node)) {
    return `function ${node.getDeclarations()[0]?.getName() ?? ''}`.trim();
  }
  if (Node.isClassDeclaration(node)) {
    return `class ${nameNode ?? '(anonymous)'}`;
  }
  if (Node.isMethodDeclaration(node)) {
    const owner = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration)?.getName();
    return `method ${owner ? `${owner}.` : ''}${node.getName()}`;
  }
  if (Node.isConstructorDeclaration(node)) {
    return 'constructor';
  }
  return `function ${nameNode ?? '(anonymous)'}`;
}

function rangeOf(node: Node): { start: number; end: number } {
  return { start: node.getStart(true), end: node.getEnd() };
}

function snippet(text: string, start: number, end: number, label: string, budget: { lines: number; truncated: boolean }): CodeSnippet {
  const startLine = lineOf(text, start);
  let body = text.slice(start, end);
  const lines = body.split('\n');
  if (lines.length > budget.lines) {
    body = `${lines.slice(0, Math.max(1, budget.lines)).join('\n')}\n… (${lines.length - budget.lines} more lines not sent)`;
    budget.truncated = true;
  }
  return { label, startLine, endLine: lineOf(text, end), text: body };
}

function lineRangeAt(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const next = text.indexOf('\n', offset);
  return { start, end: next === -1 ? text.length : next };
}

/** 1-based line number of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
    }
  }
  return line;
}

function lineCount(text: string): number {
  return text.split('\n').length;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

function languageOf(path: string): string {
  const ext = /\.([^.]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const map: Record<string, string> = { ts: 'typescript', tsx: 'tsx', mts: 'typescript', cts: 'typescript', js: 'javascript', jsx: 'jsx', mjs: 'javascript', cjs: 'javascript', py: 'python', go: 'go', java: 'java', rs: 'rust', json: 'json', yaml: 'yaml', yml: 'yaml', sql: 'sql' };
  return map[ext] ?? ext;
}
