import { ts, type Node } from 'ts-morph';
import { JSON_SCHEMA_FORMATS, type JsonSchema, type JsonSchemaFormat } from '../../jsonSchema';

const NUMERIC_TAGS = ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems'] as const;
const ALIASES: Readonly<Record<string, (typeof NUMERIC_TAGS)[number]>> = { min: 'minimum', max: 'maximum' };
const IGNORED_TAGS = new Set(['deprecated', 'see', 'remarks', 'since', 'internal', 'readonly']);

/**
 * Applies a property's JSDoc to its schema: the comment text becomes the description; tags such as
 * `@minLength 8`, `@maximum 100`, `@format email`, `@pattern ^[a-z]+$`, `@integer`, `@default`,
 * `@example` become constraints. A malformed tag is an issue; an unknown one a warning.
 */
export function applyJsDoc(node: Node, schema: JsonSchema, where: string, issues: string[], warnings: string[]): JsonSchema {
  const out: JsonSchema = { ...schema };
  for (const comment of jsDocCommentsOf(node)) {
    const [description = '', ...tags] = comment.split(/(?:^|\s)@(?=[A-Za-z])/);
    if (description.trim().length > 0) {
      out.description = description.trim().replace(/\s+/g, ' ');
    }
    for (const tag of tags) {
      const name = /^\w+/.exec(tag)?.[0] ?? '';
      applyTag(out, ALIASES[name] ?? name, tag.slice(name.length).trim(), `${where} @${name}`, issues, warnings);
    }
  }
  return out;
}

/**
 * The `/** … *\/` comments before a node, inner text only. Read from the source text rather than
 * the compiler's JSDoc nodes, which skip a comment on the same line as the previous token
 * (`{ /** @minLength 2 *\/ name: string }`).
 */
function jsDocCommentsOf(node: Node): string[] {
  const text = node.getSourceFile().getFullText();
  const ranges = [...(ts.getTrailingCommentRanges(text, node.getPos()) ?? []), ...(ts.getLeadingCommentRanges(text, node.getPos()) ?? [])];
  return ranges
    .map((r) => text.slice(r.pos, r.end))
    .filter((c) => c.startsWith('/**') && c !== '/**/')
    .map((c) =>
      c
        .slice(3, -2)
        .split('\n')
        .map((line) => line.replace(/^\s*\*?\s?/, ''))
        .join('\n')
        .trim(),
    );
}

function applyTag(out: JsonSchema, name: string, text: string, where: string, issues: string[], warnings: string[]): void {
  if ((NUMERIC_TAGS as readonly string[]).includes(name)) {
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) {
      issues.push(`${where}: expected a number, got "${text}"`);
      return;
    }
    out[name as (typeof NUMERIC_TAGS)[number]] = value;
    return;
  }
  switch (name) {
    case 'format':
      if ((JSON_SCHEMA_FORMATS as readonly string[]).includes(text)) {
        out.format = text as JsonSchemaFormat;
      } else {
        issues.push(`${where}: unknown format "${text}" (supported: ${JSON_SCHEMA_FORMATS.join(', ')})`);
      }
      return;
    case 'pattern':
      out.pattern = /^\/.*\/$/.test(text) ? text.slice(1, -1) : text;
      return;
    case 'integer':
      out.type = 'integer';
      return;
    case 'type':
      if (text === 'integer' || text === '{integer}') {
        out.type = 'integer';
      } else {
        warnings.push(`${where}: only "@type integer" is understood; ignored`);
      }
      return;
    case 'uniqueItems':
      out.uniqueItems = text !== 'false';
      return;
    case 'description':
      out.description = text;
      return;
    case 'default':
      out.default = literal(text);
      return;
    case 'example':
    case 'examples':
      out.examples = [...(out.examples ?? []), literal(text)];
      return;
    default:
      if (!IGNORED_TAGS.has(name)) {
          warnings.push(`${where}: unknown tag ignored`);
      }
  }
}

/** `8` → 8, `"a"` → "a", `true` → true; anything else stays text. */
function literal(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
