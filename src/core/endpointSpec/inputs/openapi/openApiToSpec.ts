import { camel, kebab, plural, singular, words } from '../../naming';
import { isRecord } from '../parseDataText';
import { SpecConversionError, type SpecInputOptions } from '../specInputResult';
import { mapOperation, type EndpointDraft } from './mapOperation';
import { RefResolver } from './refResolver';

/** The OpenAPI shapes a person may select or pass. */
export type OpenApiInputKind = 'document' | 'paths' | 'operation';

/** A spec candidate (validated later) and what the conversion noticed on the way. */
export interface SpecDraft {
  readonly spec: { version: 1; resource: string; basePath?: string; endpoints: EndpointDraft[] };
  readonly warnings: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SKIPPED_METHODS = ['head', 'options', 'trace'] as const;
const VERB_METHODS: readonly (readonly [RegExp, string])[] = [
  [/^(create|add|register|post|new|submit)/, 'post'],
  [/^(update|replace|put|set)/, 'put'],
  [/^(patch|modify)/, 'patch'],
  [/^(delete|remove|destroy)/, 'delete'],
  [/^(get|list|find|fetch|search|read|show)/, 'get'],
];

/** Recognises an OpenAPI document, a map of path items, or a single operation object. */
export function openApiKindOf(data: Record<string, unknown>): OpenApiInputKind | undefined {
  if ('openapi' in data || 'swagger' in data) {
    return 'document';
  }
  const keys = Object.keys(data);
  if (keys.length > 0 && keys.every((k) => k.startsWith('/')) && Object.values(data).every(isRecord)) {
    return 'paths';
  }
  if ('responses' in data || 'requestBody' in data || ('parameters' in data && 'operationId' in data)) {
    return 'operation';
  }
  return undefined;
}

/**
 * Converts OpenAPI 3.0/3.1 input into a spec candidate. Throws {@link SpecConversionError} listing
 * every issue when something cannot be converted.
 */
export function openApiToSpec(data: Record<string, unknown>, kind: OpenApiInputKind, options: SpecInputOptions = {}): SpecDraft {
  const issues: string[] = [];
  const warnings: string[] = [];
  const refs = new RefResolver(data, issues);
  const ctx = { refs, issues, warnings };
  let endpoints: EndpointDraft[] = [];
  if (kind === 'operation') {
    const [method, path] = placeBareOperation(data, warnings, issues);
    endpoints.push(mapOperation(method, path, data, undefined, ctx));
  } else {
    const paths = kind === 'paths' ? data : documentPaths(data, issues, warnings);
    for (const [path, rawItem] of Object.entries(paths)) {
      const item = refs.deref(rawItem, path);
      if (!item) {
        continue;
      }
      for (const method of SKIPPED_METHODS) {
        if (method in item) {
          warnings.push(`${method.toUpperCase()} ${path} skipped (only ${METHODS.join(', ').toUpperCase()} are generated)`);
        }
      }
      for (const method of METHODS) {
        const operation = item[method];
        if (isRecord(operation)) {
          endpoints.push(mapOperation(method, path, operation, item.parameters, ctx));
        }
      }
    }
  }
  endpoints = filterOperations(endpoints, options, issues);
  if (endpoints.length === 0 && issues.length === 0) {
    issues.push('the OpenAPI input holds no GET, POST, PUT, PATCH or DELETE operation');
  }
  const resource = issues.length === 0 ? resourceOf(endpoints, warnings, issues) : undefined;
  if (issues.length > 0 || resource === undefined) {
    throw new SpecConversionError(issues);
  }
  return { spec: { version: 1, ...resource, endpoints }, warnings };
}

function documentPaths(doc: Record<string, unknown>, issues: string[], warnings: string[]): Record<string, unknown> {
  if ('swagger' in doc) {
    issues.push(`Swagger ${String(doc.swagger)} documents are not supported: convert to OpenAPI 3 first`);
    return {};
  }
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    issues.push(`openapi: version ${JSON.stringify(doc.openapi)} is not supported (3.0 or 3.1)`);
    return {};
  }
  const server: unknown = Array.isArray(doc.servers) ? doc.servers[0] : undefined;
  const serverPath = isRecord(server) && typeof server.url === 'string' ? /^(?:[a-z]+:\/\/[^/]+)?(\/[^?#]*?)\/?$/i.exec(server.url)?.[1] : undefined;
  if (serverPath !== undefined && serverPath !== '' && serverPath !== '/') {
    warnings.push(`servers: the base path ${serverPath} is not added to the routes; mount the router there or write it into the paths`);
  }
  if (!isRecord(doc.paths)) {
    issues.push('paths: the document has no paths');
    return {};
  }
  return doc.paths;
}

/** A bare operation carries no method or path: both come from its operationId (or tags), with a warning. */
function placeBareOperation(operation: Record<string, unknown>, warnings: string[], issues: string[]): [string, string] {
  const operationId = typeof operation.operationId === 'string' ? operation.operationId : undefined;
  const tag = Array.isArray(operation.tags) && typeof operation.tags[0] === 'string' ? operation.tags[0] : undefined;
  const idWords = words(operationId ?? '');
  const verb = VERB_METHODS.find(([re]) => re.test(idWords[0] ?? ''));
  const method = verb?.[1] ?? (operation.requestBody !== undefined ? 'post' : 'get');
  const nounWords = verb ? idWords.slice(1) : idWords;
  const noun = nounWords.length > 0 ? camel(nounWords.join('-')) : tag !== undefined ? camel(tag) : undefined;
  if (noun === undefined) {
    issues.push('a bare operation needs an operationId or tags to name its path; or select it inside its path item: { "/path": { post: … } }');
    return [method, '/'];
  }
  const params = Array.isArray(operation.parameters) ? operation.parameters : [];
  const pathParams = params.filter((p): p is Record<string, unknown> => isRecord(p) && p.in === 'path' && typeof p.name === 'string').map((p) => `/{${String(p.name)}}`);
  const path = `/${kebab(plural(singular(noun)))}${pathParams.join('')}`;
  warnings.push(`the operation names no method or path: assumed ${method.toUpperCase()} ${path}; select its path item to be explicit`);
  return [method, path];
}

function filterOperations(endpoints: EndpointDraft[], options: SpecInputOptions, issues: string[]): EndpointDraft[] {
  const wanted = options.operations;
  if (wanted === undefined || wanted.length === 0) {
    return endpoints;
  }
  const available = endpoints.map((e) => e.operationId);
  for (const name of wanted) {
    if (!available.includes(name)) {
      issues.push(`operation "${name}" not found; available: ${available.join(', ') || 'none'}`);
    }
  }
  return endpoints.filter((e) => wanted.includes(e.operationId));
}

/**
 * The resource is the last fixed segment the paths share; its prefix becomes basePath when not the
 * default. Paths with no shared fixed segment are several resources: an issue, since every endpoint
 * path must lie under the one basePath.
 */
function resourceOf(endpoints: readonly EndpointDraft[], warnings: string[], issues: string[]): { resource: string; basePath?: string } | undefined {
  const segmentLists = endpoints.map((e) => e.path.split('/').filter((s) => s.length > 0));
  const first = segmentLists[0] ?? [];
  let common = first.length;
  for (const segments of segmentLists) {
    let i = 0;
    while (i < common && segments[i] === first[i]) {
      i++;
    }
    common = i;
  }
  let index = common - 1;
  while (index >= 0 && first[index]!.startsWith('{')) {
    index--;
  }
  if (index < 0) {
    index = first.findIndex((s) => !s.startsWith('{'));
    if (index < 0) {
      warnings.push('the paths name no resource; called it "resource"');
      return { resource: 'resource' };
    }
    if (endpoints.length > 1) {
      const roots = [...new Set(segmentLists.map((segments) => `/${segments[0] ?? ''}`))];
      issues.push(`the operations belong to several resources (${roots.join(', ')}): generate one resource at a time by naming its operations (--operation) or selecting its paths`);
      return undefined;
    }
  }
  const resource = camel(singular(camel(first[index]!)));
  const basePath = `/${first.slice(0, index + 1).join('/')}`;
  return basePath === `/${kebab(plural(resource))}` ? { resource } : { resource, basePath };
}
