import type { JsonSchema } from '../jsonSchema';
import { CRUD_OPERATIONS } from '../endpointSpec';
import { camel } from '../naming';

/** A CRUD spec candidate (validated later) built from an entity type. */
export interface CrudSpecDraft {
  readonly spec: {
    version: 1;
    resource: string;
    crud: { entity: JsonSchema; idField: string; idFormat: 'uuid' | 'integer'; operations: (typeof CRUD_OPERATIONS)[number][] };
    endpoints: never[];
  };
  readonly warnings: string[];
}

/** `ProductSchema`, `UserDto`, `OrderEntity` → `product`, `user`, `order`. */
export function resourceFromTypeName(name: string): string {
  const stripped = name.replace(/(Schema|Dto|DTO|Entity|Model)$/, '');
  return camel(stripped.length > 0 ? stripped : name);
}

/**
 * A CRUD spec with every operation for an entity type. Its `id` property becomes the CRUD id (uuid for
 * strings, integer for numbers) and leaves the stored entity.
 */
export function crudSpecFrom(typeName: string, entity: JsonSchema, warnings: string[]): CrudSpecDraft {
  const { id, ...properties } = entity.properties ?? {};
  let idFormat: 'uuid' | 'integer' = 'uuid';
  if (id === undefined) {
    warnings.push(`${typeName} has no id field: ids will be generated uuid strings`);
  } else if (id.type === 'integer' || id.type === 'number') {
    idFormat = 'integer';
  } else if (id.type === 'string' && id.format !== undefined && id.format !== 'uuid') {
    warnings.push(`${typeName}.id has format ${id.format}: generated ids will be uuid strings`);
  }
  const required = (entity.required ?? []).filter((name) => name !== 'id');
  const stored: JsonSchema = { ...entity, type: 'object', properties };
  if (required.length > 0) {
    stored.required = required;
  } else {
    delete stored.required;
  }
  return {
    spec: { version: 1, resource: resourceFromTypeName(typeName), crud: { entity: stored, idField: 'id', idFormat, operations: [...CRUD_OPERATIONS] }, endpoints: [] },
    warnings,
  };
}
