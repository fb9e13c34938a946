import { z } from 'zod';
import { JsonSchemaSchema } from './jsonSchema';

/**
 * Routecraft's endpoint spec, version 1: the public, versioned contract between the LLM (or a
 * person, or an OpenAPI document) and the deterministic generators. No code inside: custom logic is
 * described in `logic`, and its body travels in a fenced block named after the operationId.
 */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const CRUD_OPERATIONS = ['list', 'get', 'create', 'update', 'delete'] as const;

const identifier = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'camelCase identifier, e.g. registerUser');
/** An absolute path (under `basePath` when one is set); parameters are `{identifier}`. */
const routePath = z
  .string()
  .regex(/^\/(?:[A-Za-z0-9\-._~/]|\{[A-Za-z_][A-Za-z0-9_]*\})*$/, 'a path such as /users/{id} (parameter names are identifiers)')
  .refine((p) => !p.includes('..'), 'no ".." in paths');

/** An object schema: parameters, query strings and most bodies. */
const ObjectSchema = JsonSchemaSchema.refine((s) => (s.type ?? 'object') === 'object' && s.properties !== undefined, 'must be an object schema with properties');

export const ResponseSpecSchema = z.object({
  description: z.string(),
  schema: JsonSchemaSchema.optional(),
}).strict();

export const EndpointSchema = z
  .object({
    operationId: identifier,
    method: z.enum(HTTP_METHODS),
    path: routePath,
    summary: z.string().min(1),
    description: z.string().optional(),
    pathParams: ObjectSchema.optional(),
    query: ObjectSchema.optional(),
    body: JsonSchemaSchema.optional(),
    responses: z.record(z.string().regex(/^[1-5]\d\d$/, 'an HTTP status code'), ResponseSpecSchema),
    /** Logic CRUD does not imply (uniqueness, hashing, computed fields), in plain words. */
    logic: z.string().optional(),
  })
  .strict()
  .superRefine((endpoint, ctx) => {
    const inPath = [...endpoint.path.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!);
    const declared = Object.keys(endpoint.pathParams?.properties ?? {});
    for (const name of inPath) {
      if (!declared.includes(name)) {
        ctx.addIssue({ code: 'custom', message: `path parameter {${name}} is not described in pathParams`, path: ['pathParams'] });
      }
    }
    if (endpoint.body && (endpoint.method === 'GET' || endpoint.method === 'DELETE')) {
      ctx.addIssue({ code: 'custom', message: `${endpoint.method} endpoints take no body`, path: ['body'] });
    }
  });

export const CrudSpecSchema = z
  .object({
    /** The stored entity without its id. */
    entity: ObjectSchema,
    idField: identifier.default('id'),
    idFormat: z.enum(['uuid', 'integer']).default('uuid'),
    operations: z.array(z.enum(CRUD_OPERATIONS)).min(1).default([...CRUD_OPERATIONS]),
  })
  .strict();

export const EndpointSpecSchema = z
  .object({
    version: z.literal(1),
    /** Singular resource name, camelCase: "product", "userAccount". Names files, types and routes. */
    resource: identifier,
    /** Route prefix, e.g. "/products"; defaults to the plural of the resource. */
    basePath: routePath.optional(),
    crud: CrudSpecSchema.optional(),
    endpoints: z.array(EndpointSchema).default([]),
  })
  .strict()
  .superRefine((spec, ctx) => {
    if (!spec.crud && spec.endpoints.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'a spec needs crud, endpoints, or both', path: ['endpoints'] });
    }
    const ids = new Set<string>();
    for (const [i, e] of spec.endpoints.entries()) {
      if (ids.has(e.operationId)) {
        ctx.addIssue({ code: 'custom', message: `duplicate operationId "${e.operationId}"`, path: ['endpoints', i, 'operationId'] });
      }
      ids.add(e.operationId);
    }
  });

export type EndpointSpec = z.infer<typeof EndpointSpecSchema>;
export type EndpointSpecInput = z.input<typeof EndpointSpecSchema>;
export type Endpoint = z.infer<typeof EndpointSchema>;
export type CrudSpec = z.infer<typeof CrudSpecSchema>;
export type ResponseSpec = z.infer<typeof ResponseSpecSchema>;
export const ENDPOINT_SPEC_FORMAT = 'routecraft-endpoint-spec@1';
