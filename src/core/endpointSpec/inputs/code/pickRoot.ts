/**
 * The declaration no other one refers to: the entity of a selection that also declares its nested
 * types. When several qualify, the first wins and a warning says so.
 */
export function pickRoot(names: readonly string[], referencedBy: (name: string) => readonly string[], warnings: string[]): string {
  const referenced = new Set<string>();
  for (const name of names) {
    for (const ref of referencedBy(name)) {
      if (ref !== name && names.includes(ref)) {
        referenced.add(ref);
      }
    }
  }
  const roots = names.filter((n) => !referenced.has(n));
  const root = roots[0] ?? names[0]!;
  if (roots.length > 1) {
    warnings.push(`several top-level types (${roots.join(', ')}): generated the first, ${root}; select one to choose`);
  }
  return root;
}
