import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import type { OpenApiFeature } from './openapiFeature';

/** `archiveGadget` → `ArchiveGadgetRoute`: the route's type, as handlers are typed by it. */
export function routeTypeName(op: Operation): string {
  return `${op.operationId.charAt(0).toUpperCase()}${op.operationId.slice(1)}Route`;
}

/** The path a route is declared with: OpenAPI `{id}` syntax, relative to where the router is mounted. */
export function declaredPath(feature: OpenApiFeature, op: Operation): string {
  const full = feature.mountPath === '/' ? op.path : op.subPath;
  return full === '' ? '/' : full;
}

function responses(ctx: GenerationContext, feature: OpenApiFeature, op: Operation, notImplemented: boolean): string {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  const entries = new Map<number, string>([[op.successStatus, op.summary]]);
  if (op.params || op.query || op.body) {
    entries.set(feature.validation.status, 'The validation error(s)');
  }
  if (op.kind === 'get' || op.kind === 'update' || op.kind === 'delete') {
    entries.set(404, `${ctx.names.Pascal} not found`);
  }
  if (notImplemented) {
    entries.set(501, 'Not implemented yet');
  }
  const { indent, trailingComma } = ctx.input.options.style;
  const lines = [...entries].map(([status, text]) => `${indent}${indent}${String(status)}: { description: ${q(text)} }`);
  return `{\n${lines.join(',\n')}${trailingComma ? ',' : ''}\n${indent}}`;
}

/**
 * The feature's route definitions (`gadgets.routes.ts`): one `createRoute` per operation with its
 * zod schemas as the request (so the served OpenAPI document lists it) and its `typeof` type for
 * the handler. Existing definitions are left alone.
 */
export function buildOpenApiRoutesFile(ctx: GenerationContext, feature: OpenApiFeature, notImplemented: ReadonlySet<string>): GeneratedFile | undefined {
  const open = openFile(ctx, feature.layout.routes);
  const { file } = open;
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  const ops = ctx.operations.filter((op) => !file.getVariableDeclaration(op.operationId));
  if (ops.length === 0) {
    return undefined;
  }
  ensureImport(file, { moduleSpecifier: '@hono/zod-openapi', named: [{ name: 'createRoute' }] });
  const schemaNames = [...new Set(ops.flatMap((op) => [op.params?.name, op.query?.name, op.body?.name]).filter((n): n is string => n !== undefined))];
  if (schemaNames.length > 0) {
    ensureImport(file, { moduleSpecifier: relativeModule(feature.layout.routes, feature.layout.schemas, ctx.input.options.importExtension), named: schemaNames.map((name) => ({ name })) });
  }
  const indent = ctx.input.options.style.indent;
  const semi = ctx.input.options.style.semicolons ? ';' : '';
  const comma = ctx.input.options.style.trailingComma ? ',' : '';
  for (const op of ops) {
    const body = op.body ? `{ content: { ${q('application/json')}: { schema: ${op.body.name} } }, required: true }` : undefined;
    const request = [
      ...(op.params ? [`params: ${op.params.name}`] : []),
      ...(op.query ? [`query: ${op.query.name}`] : []),
      ...(body ? [`body: ${body}`] : []),
    ];
    const props = [
      `method: ${q(op.method.toLowerCase())}`,
      `path: ${q(declaredPath(feature, op))}`,
      `tags: [${q(ctx.names.PluralPascal)}]`,
      `summary: ${q(op.summary)}`,
      ...(request.length > 0 ? [`request: {\n${request.map((r) => `${indent}${indent}${r}`).join(',\n')}${comma}\n${indent}}`] : []),
      `responses: ${responses(ctx, feature, op, notImplemented.has(op.operationId))}`,
    ];
    file.addStatements((w) => {
      w.write(`export const ${op.operationId} = createRoute({\n${props.map((p) => `${indent}${p}`).join(',\n')}${comma}\n})${semi}`);
      w.newLine();
      w.write(`export type ${routeTypeName(op)} = typeof ${op.operationId}${semi}`);
    });
  }
  return finishFile(ctx, open, true, true);
}


/** Every route definition of the routes file (as it will be after this run) → its declared path. */
export function declaredPaths(ctx: GenerationContext, feature: OpenApiFeature, generated: GeneratedFile | undefined): Map<string, string> {
  const text = generated?.after ?? ctx.input.files.read(feature.layout.routes) ?? '';
  const paths = new Map<string, string>();
  for (const m of text.matchAll(/export const (\w+) = createRoute\(\{[\s\S]*?\bpath:\s*(['"])([^'"]*)\2/g)) {
    paths.set(m[1]!, m[3]!);
  }
  for (const op of ctx.operations) {
    paths.set(op.operationId, declaredPath(feature, op));
  }
  return paths;
}
