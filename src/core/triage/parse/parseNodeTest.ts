import type { Problem, RawFrame } from '../triageTypes';
import { problemsOfBlocks, splitBlocks } from './blocks';
import { parseFrameLine } from './frameLine';

/** node:test's spec reporter: `✖ title (Nms)` then the indented error; the summary repeats them. */
export function parseNodeTestSpec(text: string): Problem<RawFrame>[] {
  const blocks = splitBlocks(
    text,
    (line) => {
      const m = /^\s*✖\s+(.+?)(?:\s+\([\d.]+m?s\))?\s*$/.exec(line);
      return m && m[1] !== 'failing tests:' ? { test: m[1]! } : undefined;
    },
    (line) => /^\s*(ℹ|▶|✔|test at )/.test(line),
  );
  return problemsOfBlocks(blocks).filter((p) => p.frames.length > 0 || p.message !== '');
}

/** node:test's TAP reporter: `not ok N - title` and its YAML block (`error`, `name`, `stack: |-`). */
export function parseNodeTestTap(text: string): Problem<RawFrame>[] {
  const lines = text.split(/\r?\n/);
  const problems: Problem<RawFrame>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^(\s*)not ok \d+ - (.+?)\s*(?:#.*)?$/.exec(lines[i]!);
    if (!head || lines[i + 1]?.trim() !== '---') {
      continue;
    }
    const yaml: string[] = [];
    for (i += 2; i < lines.length && lines[i]!.trim() !== '...'; i++) {
      yaml.push(lines[i]!);
    }
    const fields = yamlFields(yaml);
    if (fields.get('failureType') === 'subtestsFailed') {
      continue;
    }
    const frames = (fields.get('stack') ?? '').split('\n').map((l) => parseFrameLine(l, 'bare')).filter((f): f is RawFrame => f !== undefined);
    const name = fields.get('name');
    problems.push({ ...(name === undefined ? {} : { name }), message: (fields.get('error') ?? '').trim(), test: head[2]!, frames, nested: [] });
  }
  return problems;
}

/** The top-level keys of a TAP YAML block: scalars (quoted or not) and `|-` block scalars. */
function yamlFields(lines: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  const indent = /^\s*/.exec(lines[0] ?? '')![0].length;
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*([\w]+):\s?(.*)$/.exec(lines[i]!);
    if (!m || /^\s*/.exec(lines[i]!)![0].length !== indent) {
      continue;
    }
    if (m[2] === '|-' || m[2] === '|') {
      const body: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || /^\s*/.exec(lines[i + 1]!)![0].length > indent)) {
        body.push(lines[++i]!.slice(indent + 2));
      }
      fields.set(m[1]!, body.join('\n'));
    } else {
      fields.set(m[1]!, unquote(m[2]!));
    }
  }
  return fields;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) {
    return v.slice(1, -1).replace(/''/g, "'");
  }
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  return v;
}
