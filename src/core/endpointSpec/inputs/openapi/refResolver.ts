import { isRecord } from '../parseDataText';

/**
 * Resolves local JSON pointers (`#/components/schemas/User`) inside one OpenAPI document. External
 * references and missing targets become issues, never exceptions.
 */
export class RefResolver {
  constructor(
    private readonly root: unknown,
    private readonly issues: string[],
  ) {}

  /** The target of `ref`, or undefined (with an issue recorded at `where`). */
  lookup(ref: string, where: string): unknown {
    if (!ref.startsWith('#/')) {
      this.issues.push(`${where}: not supported yet: external $ref "${ref}" (only references inside the document, such as #/components/schemas/User)`);
      return undefined;
    }
    let node: unknown = this.root;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
      if (!isRecord(node) || !(key in node)) {
        this.issues.push(`${where}: $ref "${ref}" points to nothing in the given text; include the whole document or inline the definition`);
        return undefined;
      }
      node = node[key];
    }
    return node;
  }

  /**
   * Follows `$ref` chains of parameters, request bodies and responses to the object they name;
   * a chain that loops becomes an issue.
   */
  deref(value: unknown, where: string): Record<string, unknown> | undefined {
    const seen: string[] = [];
    let node = value;
    while (isRecord(node) && typeof node.$ref === 'string') {
      const ref = node.$ref;
      if (seen.includes(ref)) {
        this.issues.push(`${where}: cyclic $ref ${[...seen, ref].join(' → ')}`);
        return undefined;
      }
      seen.push(ref);
      node = this.lookup(ref, where);
    }
    if (node === undefined) {
      return undefined;
    }
    if (!isRecord(node)) {
      this.issues.push(`${where}: expected an object`);
      return undefined;
    }
    return node;
  }
}
