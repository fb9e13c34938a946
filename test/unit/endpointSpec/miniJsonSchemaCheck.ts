/**
 * A tiny structural JSON Schema checker for tests: enough of draft 2020-12 (type, const, enum,
 * properties, required, additionalProperties, propertyNames, items, $ref to $defs, pattern,
 * minLength, minItems, minimum, exclusiveMinimum) to prove the generated schema accepts the examples.
 */
export function checkJsonSchema(schema: unknown, value: unknown, root: unknown = schema, path = '$'): string[] {
  if (schema === true || schema === undefined || !isObject(schema)) {
    return [];
  }
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const defs = isObject(root) && isObject(root.$defs) ? root.$defs : {};
    return checkJsonSchema(defs[name], value, root, path);
  }
  const errors: string[] = [];
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : schema.type === undefined ? [] : [schema.type];
  if (types.length > 0 && !types.some((t) => hasType(value, t))) {
    return [`${path}: expected ${types.join('|')}`];
  }
  if ('const' in schema && schema.const !== value) {
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    errors.push(`${path}: not in enum`);
  }
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      errors.push(`${path}: does not match ${schema.pattern}`);
    }
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) {
      errors.push(`${path}: too short`);
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) {
      errors.push(`${path}: below minimum`);
    }
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) {
      errors.push(`${path}: not above exclusiveMinimum`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
      errors.push(`${path}: too few items`);
    }
    value.forEach((item, i) => errors.push(...checkJsonSchema(schema.items, item, root, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
      if (!(name in value)) {
        errors.push(`${path}.${name}: required`);
      }
    }
    for (const [name, item] of Object.entries(value)) {
      if (isObject(schema.propertyNames) && typeof schema.propertyNames.pattern === 'string' && !new RegExp(schema.propertyNames.pattern, 'u').test(name)) {
        errors.push(`${path}.${name}: bad property name`);
      }
      if (name in properties) {
        errors.push(...checkJsonSchema(properties[name], item, root, `${path}.${name}`));
      } else if (schema.additionalProperties === false) {
        errors.push(`${path}.${name}: not allowed`);
      } else {
        errors.push(...checkJsonSchema(schema.additionalProperties, item, root, `${path}.${name}`));
      }
    }
  }
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}
