import { finishFile, openFile } from '../shared/sourceFiles';
import { ensureImport } from '../shared/imports';
import type { GenerationContext } from '../shared/generationContext';
import { ensureConst, ensureType, operationSchemas } from '../shared/schemaFile';
import type { GeneratedFile } from '../types';
import { typeboxExpression } from './typeboxExpression';

/**
 * The resource's schema file with TypeBox (`src/schemas/products.ts`): one exported `Type.*`
 * constant per validated part, and for CRUD the entity types (`Static<typeof ProductSchema>`) the
 * repository uses. Existing constants and types are left alone.
 */
export function buildTypeboxSchemaFile(ctx: GenerationContext, typeboxModule: string): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.schemas);
  const { file } = open;
  const style = ctx.input.options.style;
  const crud = ctx.input.spec.crud;
  let changed = ensureImport(file, { moduleSpecifier: typeboxModule, named: [{ name: 'Type' }, ...(crud ? [{ name: 'Static', typeOnly: true }] : [])] });
  for (const { named } of operationSchemas(ctx)) {
    changed = ensureConst(file, named.name, typeboxExpression(named.schema, style)) || changed;
  }
  if (crud) {
    const { Pascal } = ctx.names;
    const idType = crud.idFormat === 'integer' ? 'number' : 'string';
    changed = ensureConst(file, `${Pascal}Schema`, typeboxExpression(crud.entity, style)) || changed;
    changed = ensureType(file, `${Pascal}Input`, `Static<typeof ${Pascal}Schema>`) || changed;
    changed = ensureType(file, Pascal, `${Pascal}Input & { ${crud.idField}: ${idType} }`) || changed;
  }
  return finishFile(ctx, open, changed, true);
}
