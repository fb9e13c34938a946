import { Node, type CallExpression, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { stringLiteral } from '../shared/literal';
import { finishFile, openFile } from '../shared/sourceFiles';
import { RUNNER_STYLES } from '../shared/testWriters/runnerStyle';
import type { GeneratedFile } from '../types';
import { appExpression, type ExpressApp } from './expressApp';
import { documentPath } from './registryWriter';

const SUITE = 'OpenAPI document';

function topLevelDescribe(file: SourceFile, title: string): CallExpression | undefined {
  for (const statement of file.getStatements()) {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    const first = call && Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
    if (call && Node.isCallExpression(call) && call.getExpression().getText() === 'describe' && first && Node.isStringLiteral(first) && first.getLiteralValue() === title) {
      return call;
    }
  }
  return undefined;
}

/**
 * Proves the new paths are published: one test per operation that fetches the document the app
 * serves (`GET /swagger.json`) and finds the operation under its path. Tests already there are kept.
 */
export function addDocumentTests(ctx: GenerationContext, app: ExpressApp, documentUrl: string, generated: GeneratedFile | undefined): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.test);
  if (generated) {
    open.file.replaceWithText(generated.after);
  }
  const { file } = open;
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  const runner = RUNNER_STYLES[ctx.input.options.testRunner];
  const target = appExpression(app);
  let changed = generated !== undefined;
  if (!topLevelDescribe(file, SUITE)) {
    file.addStatements((w) => w.blankLine().write(`describe(${q(SUITE)}, () => `).inlineBlock(() => undefined).write(');'));
    changed = true;
  }
  const suite = topLevelDescribe(file, SUITE)!;
  const fn = suite.getArguments()[1];
  const body = fn && Node.isArrowFunction(fn) ? fn.getBody() : undefined;
  if (!body || !Node.isBlock(body)) {
    return generated;
  }
  const existing = body.getText();
  for (const op of ctx.operations) {
    const path = documentPath(ctx, op);
    const title = `lists ${op.method} ${path}`;
    if (existing.includes(q(title))) {
      continue;
    }
    body.addStatements((w) => {
      w.write(`it(${q(title)}, async () => `).inlineBlock(() => {
        w.writeLine(`const res = await request(${target}).get(${q(documentUrl)});`);
        w.writeLine(runner.equal('res.status', '200'));
        w.writeLine(runner.equal(`res.body.paths?.[${q(path)}]?.${op.method.toLowerCase()} !== undefined`, 'true'));
      }).write(');');
    });
    changed = true;
  }
  const result = finishFile(ctx, open, changed, true);
  return result ?? generated;
}
