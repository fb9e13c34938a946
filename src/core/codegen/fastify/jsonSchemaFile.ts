import type { GenerationContext } from '../shared/generationContext';
import type { NamedSchema, Operation } from '../shared/operations';
import { ensureConst, ensureType, operationSchemas } from '../shared/schemaFile';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { jsonSchemaExpression, jsonSchemaType } from './jsonSchemaExpression';
import type { SchemaPlugin } from './schemaRoutesFile';

/** The type a schema constant validates: `ProductInput` for the entity `ProductSchema`, else the name without `Schema`. */
export function schemaTypeName(ctx: GenerationContext, named: NamedSchema): string {
  if (named.name === `${ctx.names.Pascal}Schema`) {
    return `${ctx.names.Pascal}Input`;
  }
  return named.name.endsWith('Schema') ? named.name.slice(0, -'Schema'.length) : `${named.name}Type`;
}

/** Where Fastify's route generic keeps each validated part. */
const GENERIC_KEYS = [['params', 'Params'], ['query', 'Querystring'], ['body', 'Body']] as const;

/** The route generic (`{ Params: ProductIdParams; Body: ProductInput }`) that types `request` from the schema file's types. */
function routeGeneric(ctx: GenerationContext, op: Operation): string | undefined {
  const entries = GENERIC_KEYS.filter(([key]) => op[key] !== undefined).map(([key, name]) => `${name}: ${schemaTypeName(ctx, op[key]!)}`);
  return entries.length === 0 ? undefined : `{ ${entries.join('; ')} }`;
}

/**
 * Plain JSON Schema route schemas checked by Fastify's own validator: no library, no type
 * provider; each route's generic names the schema file's types. `docs` when `@fastify/swagger`
 * augments the route schema with operationId, summary and tags.
 */
export function jsonSchemaPlugin(ctx: GenerationContext, docs: boolean): SchemaPlugin {
  return {
    typeName: 'FastifyPluginAsync',
    module: 'fastify',
    describe: 'JSON Schema route schemas, checked by Fastify',
    route: { docs, generic: (op) => routeGeneric(ctx, op) },
    typeImports: (op) => GENERIC_KEYS.filter(([key]) => op[key] !== undefined).map(([key]) => schemaTypeName(ctx, op[key]!)),
  };
}

/**
 * The resource's schema file with plain JSON Schema (`src/schemas/products.ts`): one exported
 * constant per validated part and the TypeScript type of what it accepts; for CRUD the entity
 * types the repository uses. Existing constants and types are left alone.
 */
export function buildJsonSchemaFile(ctx: GenerationContext): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.schemas);
  const { file } = open;
  const style = ctx.input.options.style;
  const crud = ctx.input.spec.crud;
  let changed = false;
  const all = [...operationSchemas(ctx).map((s) => s.named), ...(crud ? [{ name: `${ctx.names.Pascal}Schema`, schema: crud.entity }] : [])];
  const seen = new Set<string>();
  for (const named of all.filter((n) => !seen.has(n.name) && seen.add(n.name))) {
    changed = ensureConst(file, named.name, jsonSchemaExpression(named.schema, style)) || changed;
    changed = ensureType(file, schemaTypeName(ctx, named), jsonSchemaType(named.schema, style)) || changed;
  }
  if (crud) {
    const { Pascal } = ctx.names;
    const idType = crud.idFormat === 'integer' ? 'number' : 'string';
    changed = ensureType(file, Pascal, `${Pascal}Input & { ${crud.idField}: ${idType} }`) || changed;
  }
  return finishFile(ctx, open, changed, true);
}
