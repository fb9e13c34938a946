import { Node, type CallExpression, type StatementedNode } from 'ts-morph';
import { formatSourceFile } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { RUNNER_STYLES } from '../shared/testWriters/runnerStyle';
import type { GeneratedFile } from '../types';
import type { OpenApiFeature } from './openapiFeature';
import { importFunction, testAppExpression } from './openapiDriver';

function describeNamed(container: StatementedNode, title: string): CallExpression | undefined {
  for (const statement of container.getStatements()) {
    const expr = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    const first = expr && Node.isCallExpression(expr) && expr.getExpression().getText() === 'describe' ? expr.getArguments()[0] : undefined;
    if (expr && Node.isCallExpression(expr) && first && Node.isStringLiteral(first) && first.getLiteralValue() === title) {
      return expr;
    }
  }
  return undefined;
}

function bodyOf(call: CallExpression): StatementedNode | undefined {
  const fn = call.getArguments()[1];
  const body = fn && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) ? fn.getBody() : undefined;
  return body && Node.isBlock(body) ? body : undefined;
}

/**
 * Adds to the resource's test file one test per operation proving the served OpenAPI document lists
 * it: the test app gets the project's document helper (`configureOpenAPI(app)`) and `GET /doc` is
 * read; without a helper the app's `getOpenAPIDocument()` is. Tests present already are kept.
 */
export function addOpenApiDocTests(ctx: GenerationContext, feature: OpenApiFeature, testPath: string, generated: GeneratedFile | undefined): GeneratedFile | undefined {
  const before = generated?.before ?? ctx.input.files.read(testPath);
  const text = generated?.after ?? before;
  if (text === undefined) {
    return generated;
  }
  const file = ctx.project.createSourceFile(`/__doc__/${testPath}`, text, { overwrite: true });
  const suite = describeNamed(file, ctx.names.basePath);
  const suiteBody = suite ? bodyOf(suite) : undefined;
  if (!suiteBody) {
    return generated;
  }
  const style = ctx.input.options.style;
  const q = (s: string): string => stringLiteral(s, style);
  const runner = RUNNER_STYLES[ctx.input.options.testRunner];
  const doc = feature.model.doc;
  const title = doc?.helper ? `GET ${doc.docPath}` : 'OpenAPI document';
  let group = describeNamed(suiteBody, title);
  if (!group) {
    suiteBody.addStatements((w) => w.newLine().write(`describe(${q(title)}, () => `).inlineBlock(() => undefined).write(');'));
    group = describeNamed(suiteBody, title)!;
  }
  const groupBody = bodyOf(group)!;
  const present = new Set(group.getDescendants().filter(Node.isCallExpression).filter((c) => c.getExpression().getText() === 'it').map((c) => c.getArguments()[0]).filter(Node.isStringLiteral).map((s) => s.getLiteralValue()));
  const app = testAppExpression(ctx, feature);
  let changed = false;
  for (const op of ctx.operations) {
    const itTitle = `lists ${op.method} ${op.path}`;
    if (present.has(itTitle)) {
      continue;
    }
    const statements = doc?.helper
      ? [`const app = ${app.expression};`, `${doc.helper.name}(app);`, `const res = await app.request(${q(doc.docPath)});`, runner.equal('res.status', '200'), 'const doc = JSON.parse(await res.text());']
      : [`const doc = ${app.expression}.getOpenAPIDocument({ openapi: ${q('3.0.0')}, info: { title: ${q('test')}, version: ${q('1')} } }) as { paths: Record<string, Record<string, unknown> | undefined> };`];
    statements.push(runner.equal(`${q(op.method.toLowerCase())} in (doc.paths[${q(op.path)}] ?? {})`, 'true'));
    groupBody.addStatements((w) => {
      if (groupBody.getStatements().length > 0) {
        w.newLine();
      }
      w.write(`it(${q(itTitle)}, async () => `).inlineBlock(() => statements.forEach((s) => w.writeLine(s))).write(');');
    });
    changed = true;
  }
  if (!changed) {
    return generated;
  }
  for (const spec of [...runner.imports, ...app.imports(testPath), ...(doc?.helper ? [importFunction(ctx, feature, testPath, doc.helper)] : [])]) {
    ensureImport(file, spec);
  }
  formatSourceFile(file, style);
  const after = file.getFullText();
  ctx.project.removeSourceFile(file);
  return after === before ? undefined : { path: testPath, before, after };
}
