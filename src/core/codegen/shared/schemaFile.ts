import { VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { GeneratedFile } from '../types';
import type { GenerationContext } from './generationContext';
import { ensureImport } from './imports';
import type { NamedSchema } from './operations';
import { finishFile, openFile } from './sourceFiles';
import { zodExpression } from './zodExpression';

/** Adds `export const name = initializer` unless the file declares `name`; true when it added it. */
export function ensureConst(file: SourceFile, name: string, initializer: string): boolean {
  if (file.getVariableDeclaration(name)) {
    return false;
  }
  file.addVariableStatement({ isExported: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name, initializer }] });
  return true;
}

/** Adds `export type name = type` unless the file declares `name`; true when it added it. */
export function ensureType(file: SourceFile, name: string, type: string): boolean {
  if (file.getTypeAlias(name)) {
    return false;
  }
  file.addTypeAlias({ isExported: true, name, type });
  return true;
}

/** The zod schemas of every operation that validates something, in operation order, without repeats. */
export function operationSchemas(ctx: GenerationContext): { readonly named: NamedSchema; readonly coerce: boolean }[] {
  const seen = new Set<string>();
  const result: { named: NamedSchema; coerce: boolean }[] = [];
  for (const op of ctx.operations) {
    for (const [named, coerce] of [[op.params, true], [op.query, true], [op.body, false]] as const) {
      if (named && !seen.has(named.name)) {
        seen.add(named.name);
        result.push({ named, coerce });
      }
    }
  }
  return result;
}

/**
 * The resource's schema file (`src/schemas/products.ts`): one exported zod constant per validated
 * part, plus the entity types for CRUD. Existing constants and types are left alone. `zodModule` is
 * where `z` comes from (`@hono/zod-openapi` re-exports it with `.openapi()`).
 */
export function buildSchemaFile(ctx: GenerationContext, zodModule = 'zod'): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.schemas);
  const { file } = open;
  let changed = ensureImport(file, { moduleSpecifier: zodModule, named: [{ name: 'z' }] });
  for (const { named, coerce } of operationSchemas(ctx)) {
    changed = ensureConst(file, named.name, zodExpression(named.schema, { ...ctx.zod, coerce })) || changed;
  }
  const crud = ctx.input.spec.crud;
  if (crud) {
    const { Pascal } = ctx.names;
    const idType = crud.idFormat === 'integer' ? 'number' : 'string';
    changed = ensureConst(file, `${Pascal}Schema`, zodExpression(crud.entity, ctx.zod)) || changed;
    changed = ensureType(file, `${Pascal}Input`, `z.infer<typeof ${Pascal}Schema>`) || changed;
    changed = ensureType(file, Pascal, `${Pascal}Input & { ${crud.idField}: ${idType} }`) || changed;
  }
  return finishFile(ctx, open, changed, true);
}
