import { addedLines, type ChangedFile } from './changedFile';
import type { ReviewFinding } from './reviewTypes';

const SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** New dependencies (and changed versions) in a package.json, each at the line that declares it. */
export function dependencyFindings(file: ChangedFile, before: string | undefined, after: string | undefined): ReviewFinding[] {
  const now = deps(after);
  if (now === undefined) {
    return [];
  }
  const was = deps(before) ?? new Map<string, string>();
  const added = addedLines(file);
  const found: ReviewFinding[] = [];
  for (const [key, range] of now) {
    const [section, name] = key.split('\u0000') as [string, string];
    const old = was.get(key);
    if (old === range) {
      continue;
    }
    const line = added.find((l) => l.text.includes(`"${name}"`))?.line;
    if (line === undefined) {
      continue;
    }
    const moved = [...was.keys()].some((k) => k.endsWith(`\u0000${name}`));
    if (old === undefined && !moved) {
      const runtime = section === 'dependencies' || section === 'peerDependencies';
      found.push({
        file: file.path, line, kind: 'risk', severity: runtime ? 'medium' : 'low', origin: 'rule', rule: 'dependency-added',
        message: `New ${section === 'dependencies' ? 'runtime ' : ''}dependency \`${name}@${range}\` (${section}): check its licence, maintenance and size, and that the lockfile is updated.`,
      });
    } else if (old !== undefined && /^[\^~]?\d/.test(old) && /^[\^~]?\d/.test(range) && major(old) !== major(range)) {
      found.push({
        file: file.path, line, kind: 'risk', severity: 'medium', origin: 'rule', rule: 'dependency-major',
        message: `\`${name}\` moves from ${old} to ${range}, a new major version: read its breaking changes.`,
      });
    }
  }
  return found;
}

function deps(text: string | undefined): Map<string, string> | undefined {
  if (text === undefined) {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const map = new Map<string, string>();
  if (typeof json !== 'object' || json === null) {
    return map;
  }
  for (const section of SECTIONS) {
    const block = (json as Record<string, unknown>)[section];
    if (typeof block === 'object' && block !== null) {
      for (const [name, range] of Object.entries(block)) {
        if (typeof range === 'string') {
          map.set(`${section}\u0000${name}`, range);
        }
      }
    }
  }
  return map;
}

function major(range: string): string {
  return /\d+/.exec(range)?.[0] ?? range;
}
