import { Node, type Block, type CallExpression, type SourceFile } from 'ts-morph';
import { stringLiteral } from '../../codegen/shared/literal';
import type { CodeStyle } from '../../project';

/** The string title of a test-API call (`describe('x', …)`, `it('y', …)`), when `node` is one. */
export function titleOf(node: Node, names: readonly string[]): string | undefined {
  if (!Node.isExpressionStatement(node)) {
    return undefined;
  }
  const call = node.getExpression();
  if (!Node.isCallExpression(call) || !names.includes(call.getExpression().getText())) {
    return undefined;
  }
  const [first] = call.getArguments();
  return first !== undefined && (Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first)) ? first.getLiteralText() : undefined;
}

function callbackBody(call: CallExpression): Block | undefined {
  const callback = call.getArguments()[1];
  if (callback !== undefined && (Node.isArrowFunction(callback) || Node.isFunctionExpression(callback))) {
    const body = callback.getBody();
    return Node.isBlock(body) ? body : undefined;
  }
  return undefined;
}

/** The body of the file's top-level `describe(title, …)`, when there is one. */
export function findDescribe(file: SourceFile, title: string): Block | undefined {
  for (const statement of file.getStatements()) {
    if (titleOf(statement, ['describe']) === title && Node.isExpressionStatement(statement)) {
      const call = statement.getExpression();
      const body = Node.isCallExpression(call) ? callbackBody(call) : undefined;
      if (body !== undefined) {
        return body;
      }
    }
  }
  return undefined;
}

/** The body of the top-level `describe(title, …)`, added at the end of the file when missing. */
export function ensureDescribe(file: SourceFile, title: string, style: CodeStyle): Block {
  const existing = findDescribe(file, title);
  if (existing !== undefined) {
    return existing;
  }
  const semi = style.semicolons ? ';' : '';
  const hasStatements = file.getStatements().length > 0;
  file.addStatements((writer) => {
    // ts-morph already ends the previous statement's line: one newLine() makes the one blank line.
    writer.conditionalNewLine(hasStatements).write(`describe(${stringLiteral(title, style)}, () => {`).newLine().write(`})${semi}`);
  });
  const body = findDescribe(file, title);
  if (body === undefined) {
    throw new Error(`describe('${title}') was not created`);
  }
  return body;
}

/** The direct `it`/`test` statements of a describe body, by title. */
export function testsIn(body: Block): Map<string, Node> {
  const tests = new Map<string, Node>();
  for (const statement of body.getStatements()) {
    const title = titleOf(statement, ['it', 'test']);
    if (title !== undefined && !tests.has(title)) {
      tests.set(title, statement);
    }
  }
  return tests;
}
