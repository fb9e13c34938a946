import { ts } from 'ts-morph';

/** A case's code split into the import declarations it carried and the statements of its body. */
export interface CaseCode {
  readonly imports: readonly string[];
  readonly body: string;
  /** Why the code cannot be a test body, when it cannot. */
  readonly problem?: string;
}

const parse = (text: string): ts.SourceFile => ts.createSourceFile('case.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/** Removes the indentation every non-blank line shares. */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join('\n').trim();
}

function isTestCall(statement: ts.Statement): ts.FunctionLikeDeclaration | undefined {
  if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) {
    return undefined;
  }
  const call = statement.expression;
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : call.expression;
  const last = call.arguments[call.arguments.length - 1];
  if (!ts.isIdentifier(callee) || !['it', 'test'].includes(callee.text) || last === undefined) {
    return undefined;
  }
  return ts.isArrowFunction(last) || ts.isFunctionExpression(last) ? last : undefined;
}

function isDescribe(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression) && /^describe\b/.test(statement.expression.expression.getText());
}

/**
 * The body of one test from a model's block: leading import declarations are split off, a block
 * wrapped in `it(…)`/`test(…)` is unwrapped, a `describe` or code that does not parse is refused.
 */
export function caseCode(code: string): CaseCode {
  const file = parse(code);
  const imports = file.statements.filter(ts.isImportDeclaration).map((s) => s.getText(file));
  let rest = file.statements.filter((s) => !ts.isImportDeclaration(s));
  let text = rest.map((s) => s.getFullText(file)).join('');
  const [only] = rest;
  const wrapped = rest.length === 1 && only !== undefined ? isTestCall(only) : undefined;
  if (wrapped?.body !== undefined && ts.isBlock(wrapped.body)) {
    rest = [...wrapped.body.statements];
    text = rest.map((s) => s.getFullText(file)).join('');
  }
  const body = dedent(text);
  if (body === '') {
    return { imports, body, problem: 'its code block is empty' };
  }
  if (rest.some(isDescribe)) {
    return { imports, body, problem: 'its code holds a describe block (a case is the body of one test)' };
  }
  const check = ts.transpileModule(`async function __case() {\n${body}\n}\n`, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  const [error] = check.diagnostics ?? [];
  if (error !== undefined) {
    return { imports, body, problem: `its code does not parse (${ts.flattenDiagnosticMessageText(error.messageText, ' ')})` };
  }
  return { imports, body };
}

/** The identifiers code refers to (property names after a dot excluded). */
export function identifiersUsed(code: string): Set<string> {
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) && !(ts.isPropertyAssignment(node.parent) && node.parent.name === node)) {
      used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(code));
  return used;
}
