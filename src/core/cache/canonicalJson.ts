/**
 * JSON with object keys sorted at every depth and `undefined` members dropped, so equal values
 * always give equal text (and equal hashes) whatever order their keys were built in.
 * Arrays keep their order: in a chat, message order is meaning.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value)) ?? 'null';
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item: unknown) => (item === undefined ? null : normalize(item)));
  }
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      const member = source[key];
      if (member !== undefined && typeof member !== 'function') {
        out[key] = normalize(member);
      }
    }
    return out;
  }
  return value;
}
