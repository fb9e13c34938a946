import { Node, SyntaxKind, VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, matchImportSemicolons, relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { finishFile, openFile, type OpenFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { registerPathObjects, specifierLike, type OpenApiRegistryFacts } from './openApiRegistry';

/** The OpenAPI form of an operation's full path (`/gadgets/{id}`), the site's prefix included. */
export function documentPath(ctx: GenerationContext, op: Operation): string {
  return op.subPath === '/' ? ctx.names.basePath : `${ctx.names.basePath}${op.subPath}`;
}

/** `method path` of every `registry.registerPath({ method, path })` already in the file. */
function registeredPaths(file: SourceFile, registry: string): Set<string> {
  const found = new Set<string>();
  for (const arg of registerPathObjects(file, registry)) {
    const value = (name: string): string | undefined => {
      const prop = arg.getProperty(name);
      const init = prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
      return init && Node.isStringLiteral(init) ? init.getLiteralValue() : undefined;
    };
    found.add(`${value('method') ?? ''} ${value('path') ?? ''}`);
  }
  return found;
}

function registerPathText(ctx: GenerationContext, facts: OpenApiRegistryFacts, op: Operation): string {
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  const request = [
    ...(op.params ? [`params: ${op.params.name}`] : []),
    ...(op.query ? [`query: ${op.query.name}`] : []),
    ...(op.body ? [`body: { content: { ${q('application/json')}: { schema: ${op.body.name} } } }`] : []),
  ];
  const responses = [`${String(op.successStatus)}: { description: ${q(op.summary)} }`, ...(request.length > 0 ? [`400: { description: ${q('Invalid request')} }`] : [])];
  const fields = [
    `method: ${q(op.method.toLowerCase())}`,
    `path: ${q(documentPath(ctx, op))}`,
    ...(facts.tags ? [`tags: [${q(ctx.names.Pascal)}]`] : []),
    `summary: ${q(op.summary)}`,
    ...(request.length > 0 ? [`request: { ${request.join(', ')} }`] : []),
    `responses: { ${responses.join(', ')} }`,
  ];
  return `${facts.registry}.registerPath({ ${fields.join(', ')} });`;
}

/**
 * Adds the resource's registry to its router file the way the neighbour keeps one: an exported
 * `new OpenAPIRegistry()`, the entity schema registered when the neighbour registers its own, and one
 * `registerPath` per operation that is not registered yet. `generated` is the router file as the
 * router builder left it (undefined when it did not change).
 */
export function addRegistryToRouter(ctx: GenerationContext, facts: OpenApiRegistryFacts, generated: GeneratedFile | undefined): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.router);
  if (generated) {
    open.file.replaceWithText(generated.after);
  }
  const { file } = open;
  let changed = generated !== undefined;
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  changed = ensureImport(file, { moduleSpecifier: '@asteasolutions/zod-to-openapi', named: [{ name: 'OpenAPIRegistry' }] }) || changed;
  if (!file.getVariableDeclaration(facts.registry)) {
    file.addVariableStatement({ isExported: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: facts.registry, initializer: 'new OpenAPIRegistry()' }] });
    changed = true;
  }
  const entity = `${ctx.names.Pascal}Schema`;
  const schemaNames = new Set<string>();
  if (facts.registersSchemas && ctx.input.spec.crud && !file.getText().includes(`${facts.registry}.register(`)) {
    file.addStatements(`${facts.registry}.register(${q(ctx.names.Pascal)}, ${entity});`);
    schemaNames.add(entity);
    changed = true;
  }
  const present = registeredPaths(file, facts.registry);
  for (const op of ctx.operations.filter((o) => !present.has(`${o.method.toLowerCase()} ${documentPath(ctx, o)}`))) {
    file.addStatements(registerPathText(ctx, facts, op));
    [op.params?.name, op.query?.name, op.body?.name].forEach((n) => n !== undefined && schemaNames.add(n));
    changed = true;
  }
  if (schemaNames.size > 0) {
    ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.schemas, ctx.input.options.importExtension), named: [...schemaNames].map((name) => ({ name })) });
  }
  return withBefore(finishFile(ctx, open, changed, true), generated);
}

function withBefore(file: GeneratedFile | undefined, generated: GeneratedFile | undefined): GeneratedFile | undefined {
  return file && generated ? { ...file, before: generated.before } : file;
}

/** Adds the resource's registry next to the neighbour's in the array that builds the published document. */
export function addRegistryToDocument(ctx: GenerationContext, facts: OpenApiRegistryFacts): GeneratedFile | undefined {
  const open: OpenFile = openFile(ctx, facts.aggregateFile);
  const { file } = open;
  const array = file.getDescendantsOfKind(SyntaxKind.ArrayLiteralExpression).find((a) => a.getElements().some((e) => e.getText() === facts.neighbourRegistry));
  if (!array || array.getElements().some((e) => e.getText() === facts.registry)) {
    return undefined;
  }
  const specifier = specifierLike(ctx, file, facts.aggregateFile, facts.neighbourRegistry, ctx.paths.router);
  ensureImport(file, { moduleSpecifier: specifier, named: [{ name: facts.registry }] });
  matchImportSemicolons(file, ctx.input.options.style.semicolons);
  array.addElement(facts.registry);
  return finishFile(ctx, open, true, false);
}
