/**
 * A JSON Schema written as a compact, TypeScript-like type for a prompt: a third of the tokens of
 * the pretty-printed JSON with the same constraints. `?` marks an optional property, `= v` its
 * default, `/re/` a pattern, `(min 1)` bounds; `$defs` become named types listed after the root.
 */
export function compactSchemaText(schema: Readonly<Record<string, unknown>>): string {
  const defs = isRecord(schema['$defs']) ? schema['$defs'] : {};
  const names = new Map(Object.keys(defs).map((key, i) => [key, i === 0 ? 'Schema' : `Schema${String(i + 1)}`]));
  const ctx: Ctx = { names };
  const lines = [render(schema, ctx, '')];
  for (const [key, def] of Object.entries(defs)) {
    lines.push(`${names.get(key)!} = ${render(def, ctx, '')}`);
  }
  return lines.join('\n');
}

interface Ctx {
  readonly names: ReadonlyMap<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function render(node: unknown, ctx: Ctx, indent: string): string {
  if (!isRecord(node) || Object.keys(node).length === 0) {
    return 'any';
  }
  return `${typeOf(node, ctx, indent)}${constraints(node)}`;
}

function typeOf(node: Record<string, unknown>, ctx: Ctx, indent: string): string {
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    const key = ref.replace(/^#\/\$defs\//, '');
    return ctx.names.get(key) ?? key;
  }
  if ('const' in node) {
    return JSON.stringify(node['const']);
  }
  if (Array.isArray(node['enum'])) {
    return node['enum'].map((v) => JSON.stringify(v)).join('|');
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = node[key];
    if (Array.isArray(options)) {
      return options.map((o) => render(o, ctx, indent)).join(' | ');
    }
  }
  const type = node['type'];
  if (Array.isArray(type)) {
    return type.map(String).join('|');
  }
  if (type === 'array') {
    const item = render(node['items'], ctx, indent);
    return /[|\s]/.test(item) && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
  }
  if (type === 'object' || isRecord(node['properties'])) {
    return objectOf(node, ctx, indent);
  }
  return typeof type === 'string' ? type : 'any';
}

function objectOf(node: Record<string, unknown>, ctx: Ctx, indent: string): string {
  const properties = isRecord(node['properties']) ? node['properties'] : undefined;
  const additional = node['additionalProperties'];
  if (properties === undefined) {
    if (isRecord(additional)) {
      const names = isRecord(node['propertyNames']) ? render(node['propertyNames'], ctx, indent) : 'string';
      return `{ [key: ${names}]: ${render(additional, ctx, indent)} }`;
    }
    return 'object';
  }
  const required = Array.isArray(node['required']) ? node['required'].map(String) : [];
  const inner = `${indent}  `;
  // Neighbours of the same type share a line: `minimum?, maximum?: number`.
  const groups: { keys: string[]; type: string }[] = [];
  for (const [key, value] of Object.entries(properties)) {
    const name = `${key}${required.includes(key) ? '' : '?'}`;
    const type = render(value, ctx, inner);
    const last = groups.at(-1);
    if (last !== undefined && last.type === type && !type.includes('\n')) {
      last.keys.push(name);
    } else {
      groups.push({ keys: [name], type });
    }
  }
  const lines = groups.map((g) => `${inner}${g.keys.join(', ')}: ${g.type}`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

const BOUNDS = ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems'] as const;
const SHORT: Readonly<Record<(typeof BOUNDS)[number], string>> = { minLength: 'min', maxLength: 'max', minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<', multipleOf: 'multipleOf', minItems: 'min', maxItems: 'max' };

function constraints(node: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof node['pattern'] === 'string') {
    parts.push(` /${node['pattern']}/`);
  }
  if (typeof node['format'] === 'string') {
    parts.push(` (${node['format']})`);
  }
  // Integer bounds of "any safe integer" say nothing.
  const bounds = BOUNDS.filter((b) => typeof node[b] === 'number' && !(b === 'minimum' && node[b] === 0 && node['type'] === 'integer') && node[b] !== Number.MAX_SAFE_INTEGER).map((b) => `${SHORT[b]} ${String(node[b])}`);
  if (bounds.length > 0) {
    parts.push(` (${bounds.join(', ')})`);
  }
  if ('default' in node) {
    parts.push(` = ${JSON.stringify(node['default'])}`);
  }
  if (typeof node['description'] === 'string') {
    parts.push(` // ${node['description']}`);
  }
  return parts.join('');
}
