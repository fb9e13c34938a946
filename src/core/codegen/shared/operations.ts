import { RoutecraftError } from '../../errors';
import type { CrudSpec, EndpointSpec, JsonSchema } from '../../endpointSpec';
import { pascal, type ResourceNames } from '../../endpointSpec/naming';

/** What an operation does; CRUD kinds get generated handlers, `custom` gets the LLM's body. */
export type OperationKind = CrudSpec['operations'][number] | 'custom';

/** A schema the operation validates, with the exported constant that holds its zod form. */
export interface NamedSchema {
  readonly name: string;
  readonly schema: JsonSchema;
}

/** One route of a resource, uniform for CRUD and custom endpoints; every framework renders these. */
export interface Operation {
  readonly operationId: string;
  readonly kind: OperationKind;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Full path with `{param}` placeholders: `/products/{id}`. */
  readonly path: string;
  /** Path below the resource's base path: `/{id}`, `/`. */
  readonly subPath: string;
  readonly summary: string;
  readonly params?: NamedSchema;
  readonly query?: NamedSchema;
  readonly body?: NamedSchema;
  readonly successStatus: number;
}

/** The entity schema with the CRUD id field, for an in-memory store and its tests. */
export function idParamsSchema(crud: CrudSpec): JsonSchema {
  const id: JsonSchema = crud.idFormat === 'integer' ? { type: 'integer', minimum: 1 } : { type: 'string', format: 'uuid' };
  return { type: 'object', properties: { [crud.idField]: id }, required: [crud.idField] };
}

function subPathOf(path: string, basePath: string): string {
  if (path === basePath) {
    return '/';
  }
  if (!path.startsWith(`${basePath}/`)) {
    throw new RoutecraftError('invalid-input', `The endpoint path ${path} is not under the resource's base path ${basePath}: set "basePath" in the spec or move the endpoint.`);
  }
  return path.slice(basePath.length);
}

/** Every operation of the spec: CRUD first (list, get, create, update, delete), then custom endpoints. */
export function resourceOperations(spec: EndpointSpec, names: ResourceNames): Operation[] {
  const ops: Operation[] = [];
  const crud = spec.crud;
  if (crud) {
    const entity: NamedSchema = { name: `${names.Pascal}Schema`, schema: crud.entity };
    const params: NamedSchema = { name: `${names.Pascal}IdParamsSchema`, schema: idParamsSchema(crud) };
    const byId = `${names.basePath}/{${crud.idField}}`;
    const table: Record<CrudSpec['operations'][number], Omit<Operation, 'kind' | 'subPath'>> = {
      list: { operationId: `list${names.PluralPascal}`, method: 'GET', path: names.basePath, summary: `List ${names.plural}`, successStatus: 200 },
      get: { operationId: `get${names.Pascal}`, method: 'GET', path: byId, summary: `Get a ${names.singular}`, params, successStatus: 200 },
      create: { operationId: `create${names.Pascal}`, method: 'POST', path: names.basePath, summary: `Create a ${names.singular}`, body: entity, successStatus: 201 },
      update: { operationId: `update${names.Pascal}`, method: 'PUT', path: byId, summary: `Replace a ${names.singular}`, params, body: entity, successStatus: 200 },
      delete: { operationId: `delete${names.Pascal}`, method: 'DELETE', path: byId, summary: `Delete a ${names.singular}`, params, successStatus: 204 },
    };
    for (const kind of ['list', 'get', 'create', 'update', 'delete'] as const) {
      if (crud.operations.includes(kind)) {
        ops.push({ ...table[kind], kind, subPath: subPathOf(table[kind].path, names.basePath) });
      }
    }
  }
  for (const e of spec.endpoints) {
    const base = pascal(e.operationId);
    const statuses = Object.keys(e.responses).map(Number).filter((s) => s >= 200 && s < 300).sort((a, b) => a - b);
    ops.push({
      operationId: e.operationId,
      kind: 'custom',
      method: e.method,
      path: e.path,
      subPath: subPathOf(e.path, names.basePath),
      summary: e.summary,
      ...(e.pathParams ? { params: { name: `${base}ParamsSchema`, schema: e.pathParams } } : {}),
      ...(e.query ? { query: { name: `${base}QuerySchema`, schema: e.query } } : {}),
      ...(e.body ? { body: { name: `${base}BodySchema`, schema: e.body } } : {}),
      successStatus: statuses[0] ?? 200,
    });
  }
  return ops;
}
