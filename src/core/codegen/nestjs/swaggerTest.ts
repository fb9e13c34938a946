import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { NestAppSetup } from '../../project/nestAppSetup';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { finishFile, openFile } from '../shared/sourceFiles';
import { RUNNER_STYLES } from '../shared/testWriters/runnerStyle';
import type { GeneratedFile } from '../types';
import type { NestLayout } from './nestLayout';
import { nestUrlPrefix } from './nestTestDriver';

const TITLE = 'lists its paths in the Swagger document';

/** The OpenAPI paths the resource's operations get in the app's Swagger document (`/api/v1/products/{id}`). */
export function swaggerPaths(ctx: GenerationContext, layout: NestLayout, setup: NestAppSetup): string[] {
  const prefix = nestUrlPrefix(setup, layout.neighbour?.controllerVersion);
  return [...new Set(ctx.operations.map((op) => `${prefix}${op.path}`.replace(/\/+$/, '')))].sort();
}

function callTitled(file: SourceFile, callee: string, title: string): CallExpression | undefined {
  return file.getDescendantsOfKind(SyntaxKind.CallExpression).find((c) => {
    const first = c.getArguments()[0];
    return c.getExpression().getText() === callee && first !== undefined && Node.isStringLiteral(first) && first.getLiteralValue() === title;
  });
}

/**
 * Adds to the resource's test suite a test that builds the app's Swagger document
 * (`SwaggerModule.createDocument` on the test app) and finds every path of the resource in it; a
 * later endpoint on the same resource extends its list. `generated` is the test file as the shared
 * builder left it (undefined when unchanged).
 */
export function withSwaggerTest(ctx: GenerationContext, layout: NestLayout, setup: NestAppSetup, generated: GeneratedFile | undefined): GeneratedFile | undefined {
  const path = ctx.paths.test;
  const file = ctx.project.getSourceFile(`/${path}`) ?? openFile(ctx, path).file;
  const before = ctx.input.files.read(path);
  const suite = callTitled(file, 'describe', ctx.names.basePath);
  const body = suite?.getArguments()[1];
  const block = body && (Node.isArrowFunction(body) || Node.isFunctionExpression(body)) ? body.getBody() : undefined;
  if (!block || !Node.isBlock(block)) {
    return generated;
  }
  const q = (text: string): string => stringLiteral(text, ctx.input.options.style);
  const wanted = swaggerPaths(ctx, layout, setup);
  const existing = callTitled(file, 'it', TITLE);
  let changed = false;
  if (existing) {
    const list = existing.getDescendantsOfKind(SyntaxKind.ArrayLiteralExpression)[0];
    const have = new Set(list?.getElements().filter(Node.isStringLiteral).map((e) => e.getLiteralValue()) ?? []);
    const missing = wanted.filter((p) => !have.has(p));
    if (list && missing.length > 0) {
      list.replaceWithText(`[${[...have, ...missing].sort().map(q).join(', ')}]`);
      changed = true;
    }
  } else {
    const runner = RUNNER_STYLES[ctx.input.options.testRunner];
    ensureImport(file, { moduleSpecifier: '@nestjs/swagger', named: [{ name: 'DocumentBuilder' }, { name: 'SwaggerModule' }] });
    block.addStatements((w) => {
      w.blankLine().write(`it(${q(TITLE)}, () => `).inlineBlock(() => {
        w.writeLine('const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());');
        w.writeLine(runner.deepEqual(`[${wanted.map(q).join(', ')}].filter((path) => !(path in document.paths))`, '[]'));
      }).write(');');
    });
    changed = true;
  }
  if (!changed) {
    return generated;
  }
  return finishFile(ctx, { path, before, file }, true, true);
}
