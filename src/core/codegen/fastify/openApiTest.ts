import { Node, type CodeBlockWriter, type StatementedNode } from 'ts-morph';
import { formatSourceFile } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { stringLiteral } from '../shared/literal';
import { RUNNER_STYLES } from '../shared/testWriters/runnerStyle';
import type { GeneratedFile } from '../types';

const SUITE = 'OpenAPI document';

function describeBody(container: StatementedNode, title: string): StatementedNode | undefined {
  for (const statement of container.getStatements()) {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (call && Node.isCallExpression(call) && /^describe\b/.test(call.getExpression().getText())) {
      const [first, fn] = (call).getArguments();
      if (first && Node.isStringLiteral(first) && first.getLiteralValue() === title && fn && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) {
        const body = fn.getBody();
        return Node.isBlock(body) ? body : undefined;
      }
    }
  }
  return undefined;
}

/**
 * Adds to the resource's suite a test that the app's OpenAPI document (`app.swagger()`, what
 * `@fastify/swagger` serves) lists every path of this run, with OpenAPI's `{param}` syntax. One
 * test per set of paths: a re-run finds its title and changes nothing.
 */
export function withOpenApiTest(ctx: GenerationContext, testFile: GeneratedFile | undefined, suiteTitle: string, urlBase: string): GeneratedFile | undefined {
  const path = ctx.paths.test;
  const file = ctx.project.getSourceFile(`/${path}`);
  const suite = file ? describeBody(file, suiteTitle) : undefined;
  if (!file || !suite) {
    return testFile;
  }
  const style = ctx.input.options.style;
  const q = (s: string): string => stringLiteral(s, style);
  const runner = RUNNER_STYLES[ctx.input.options.testRunner];
  const paths = [...new Set(ctx.operations.map((op) => `${urlBase}${op.subPath === '/' ? '' : op.subPath}`))];
  const title = `lists ${paths.join(', ')}`;
  const existing = describeBody(suite, SUITE);
  const present = existing?.getStatements().some((s) => s.getText().includes(q(title))) ?? false;
  if (present) {
    return testFile;
  }
  const it = (w: CodeBlockWriter): void => {
    w.write(`it(${q(title)}, async () => `).inlineBlock(() => {
      w.writeLine('const document = app.swagger() as { paths?: Record<string, unknown> };');
      w.writeLine(`const paths = Object.keys(document.paths ?? {}).map((p) => p.replace(/(.)\\/$/, ${q('$1')}));`);
      for (const p of paths) {
        w.writeLine(runner.equal(`paths.includes(${q(p)})`, 'true'));
      }
    }).write(');');
  };
  if (existing) {
    existing.addStatements((w) => {
      w.newLine();
      it(w);
    });
  } else {
    suite.addStatements((w) => {
      w.newLine().write(`describe(${q(SUITE)}, () => `).inlineBlock(() => it(w)).write(');');
    });
  }
  formatSourceFile(file, style);
  const before = ctx.input.files.read(path);
  const after = file.getFullText();
  return after === before ? undefined : { path, before, after };
}
