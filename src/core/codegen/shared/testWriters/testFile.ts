import { Node, type CallExpression, type CodeBlockWriter, type SourceFile, type StatementedNode } from 'ts-morph';
import type { GeneratedFile } from '../../types';
import type { GenerationContext } from '../generationContext';
import { ensureImport } from '../imports';
import { literal, stringLiteral } from '../literal';
import { finishFile, openFile } from '../sourceFiles';
import type { HttpTestDriver } from './httpTestDriver';
import { RUNNER_STYLES, type RunnerStyle } from './runnerStyle';
import { testPlan, type TestCase, type TestStep, type UrlPart } from './testPlan';

interface Render {
  readonly ctx: GenerationContext;
  readonly driver: HttpTestDriver;
  readonly runner: RunnerStyle;
}

function q(r: Render, text: string): string {
  return stringLiteral(text, r.ctx.input.options.style);
}

function urlExpression(r: Render, parts: readonly UrlPart[]): string {
  if (parts.every((p) => typeof p === 'string')) {
    return q(r, parts.join(''));
  }
  const text = parts.map((p) => (typeof p === 'string' ? p.replace(/[`\\$]/g, (c) => `\\${c}`) : `\${${r.driver.body(p.res)}.${p.field}}`)).join('');
  return `\`${text}\``;
}

/** `?a=1&b=x` for a query object (every value as text, arrays repeated), `''` when empty. */
function queryString(query: unknown): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item !== undefined) {
        params.append(key, typeof item === 'string' ? item : JSON.stringify(item));
      }
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The answers whose body a later step reads. */
function bodiesRead(steps: readonly TestStep[]): Set<string> {
  const read = new Set<string>();
  const refs = (parts: readonly UrlPart[]): void => parts.forEach((p) => typeof p !== 'string' && read.add(p.res));
  for (const step of steps) {
    switch (step.kind) {
      case 'send':
      case 'location':
        refs(step.url);
        break;
      case 'sameBody':
      case 'listContains':
        read.add(step.res).add(step.other);
        break;
      case 'validationIssue':
        read.add(step.res);
        break;
      case 'status':
        break;
    }
  }
  return read;
}

function stepStatements(r: Render, step: TestStep, read: ReadonlySet<string>): string[] {
  const { driver, runner } = r;
  const style = r.ctx.input.options.style;
  switch (step.kind) {
    case 'send':
      return driver.send({
        res: step.res, method: step.method, url: urlExpression(r, step.url),
        ...(step.query !== undefined ? { query: literal(step.query, style) } : {}),
        ...(step.body !== undefined ? { body: literal(step.body, style) } : {}),
        urlWithQuery: urlExpression(r, [...step.url, queryString(step.query)].filter((p) => p !== '')),
        readsBody: read.has(step.res),
      });
    case 'status':
      return [runner.equal(driver.status(step.res), String(step.status))];
    case 'location':
      return [runner.equal(driver.header(step.res, 'location'), urlExpression(r, step.url))];
    case 'sameBody':
      return [runner.deepEqual(driver.body(step.res), driver.body(step.other))];
    case 'listContains':
      return [runner.equal(`(${driver.body(step.res)} as { ${step.idField}: unknown }[]).some((item) => item.${step.idField} === ${driver.body(step.other)}.${step.idField})`, 'true')];
    case 'validationIssue':
      if (driver.validationIssue) {
        return driver.validationIssue(step.res, step.issuePath, runner);
      }
      return [
        runner.equal(`${driver.body(step.res)}.error`, q(r, 'ValidationError')),
        runner.equal(`(${driver.body(step.res)}.issues as { path: string }[]).some((issue) => issue.path === ${q(r, step.issuePath)})`, 'true'),
      ];
  }
}

function writeTest(r: Render, w: CodeBlockWriter, test: TestCase): void {
  if (test.todo === true) {
    w.writeLine(r.runner.todo(q(r, test.title)));
    return;
  }
  const read = bodiesRead(test.steps);
  w.write(`it(${q(r, test.title)}, async () => `).inlineBlock(() => {
    for (const step of test.steps) {
      for (const statement of stepStatements(r, step, read)) {
        w.writeLine(statement);
      }
    }
  }).write(');').newLine();
}

/** `describe('<title>', ...)` calls directly among a block's statements. */
function describeCalls(container: StatementedNode): Map<string, CallExpression> {
  const found = new Map<string, CallExpression>();
  for (const statement of container.getStatements()) {
    const expr = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (expr && Node.isCallExpression(expr) && expr.getExpression().getText() === 'describe') {
      const first = expr.getArguments()[0];
      if (first && Node.isStringLiteral(first)) {
        found.set(first.getLiteralValue(), expr);
      }
    }
  }
  return found;
}

function describeBody(call: CallExpression): StatementedNode | undefined {
  const fn = call.getArguments()[1];
  if (fn && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) {
    const body = fn.getBody();
    return Node.isBlock(body) ? body : undefined;
  }
  return undefined;
}

function ensureSuite(r: Render, file: SourceFile, title: string): { body: StatementedNode; changed: boolean } {
  const existing = describeCalls(file).get(title);
  const existingBody = existing ? describeBody(existing) : undefined;
  if (existingBody) {
    return { body: existingBody, changed: false };
  }
  const setup = r.driver.suite;
  file.addStatements((w) => w.newLine().write(`describe(${q(r, title)}, () => `).inlineBlock(() => {
    if (setup) {
      setup.declarations.forEach((d) => w.writeLine(d));
      w.blankLine().write(`${r.runner.hooks.before}(async () => `).inlineBlock(() => setup.before.forEach((s) => w.writeLine(s))).write(');');
      w.newLine().blankLine().write(`${r.runner.hooks.after}(async () => `).inlineBlock(() => setup.after.forEach((s) => w.writeLine(s))).write(');');
    }
  }).write(');'));
  const created = describeCalls(file).get(title);
  return { body: describeBody(created!)!, changed: true };
}

/**
 * The resource's test file: imports for the runner and the driver, one top-level `describe` per
 * resource, one nested `describe` per operation (`POST /products`) holding its success test and one
 * test per failing case. Operations whose `describe` already exists are left alone.
 */
export function buildTestFile(ctx: GenerationContext, driver: HttpTestDriver): GeneratedFile | undefined {
  const r: Render = { ctx, driver, runner: RUNNER_STYLES[ctx.input.options.testRunner] };
  const open = openFile(ctx, ctx.paths.test);
  const { file } = open;
  let changed = false;
  const hookImports = driver.suite ? r.runner.hooks.imports : [];
  for (const spec of [...r.runner.imports, ...hookImports, ...driver.imports(ctx.paths.test)]) {
    changed = ensureImport(file, spec) || changed;
  }
  const suite = ensureSuite(r, file, ctx.names.basePath);
  changed = suite.changed || changed;
  const present = describeCalls(suite.body);
  for (const group of testPlan(ctx, driver.rejects?.bind(driver), driver.validationStatus)) {
    if (present.has(group.title)) {
      continue;
    }
    suite.body.addStatements((w) => {
      if (suite.body.getStatements().length > 0) {
        w.newLine();
      }
      w.write(`describe(${q(r, group.title)}, () => `).inlineBlock(() => {
        for (const [i, test] of group.tests.entries()) {
          if (i > 0) {
            w.blankLine();
          }
          writeTest(r, w, test);
        }
      }).write(');');
    });
    changed = true;
  }
  return finishFile(ctx, open, changed, true);
}
