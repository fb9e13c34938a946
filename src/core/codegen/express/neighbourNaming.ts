import { camel, kebab, pascal, singular, type ResourceNames } from '../../endpointSpec/naming';

/** Which spelling of a resource name a neighbour's file or variable uses. */
type NameForm = 'camelPlural' | 'camelSingular' | 'kebabPlural' | 'kebabSingular' | 'pascalPlural' | 'pascalSingular';

/** How a neighbour spells its resource in names: `userRouter` = the singular camel name + `Router`. */
export interface NamePattern {
  readonly form: NameForm;
  /** The neighbour's own spelling (`user`). */
  readonly token: string;
}

function spellings(segment: string): [NameForm, string][] {
  const one = singular(camel(segment));
  return [
    ['camelPlural', camel(segment)], ['camelSingular', one],
    ['kebabPlural', kebab(segment)], ['kebabSingular', kebab(one)],
    ['pascalPlural', pascal(segment)], ['pascalSingular', pascal(one)],
  ];
}

/**
 * The spelling of the mount segment (`users`, `health-check`) that `name` starts with (`userRouter`,
 * `users.routes`, `emojis`); the longest wins. Undefined when the name does not carry the resource.
 */
export function namePattern(name: string, segment: string): NamePattern | undefined {
  const matches = spellings(segment).filter(([, spelled]) => spelled !== '' && name.startsWith(spelled));
  const best = matches.sort((a, b) => b[1].length - a[1].length)[0];
  return best ? { form: best[0], token: best[1] } : undefined;
}

/** Our resource's spelling in the neighbour's form. */
export function spell(pattern: NamePattern, names: ResourceNames): string {
  switch (pattern.form) {
    case 'camelPlural': return names.plural;
    case 'camelSingular': return names.singular;
    case 'kebabPlural': return names.kebabPlural;
    case 'kebabSingular': return kebab(names.singular);
    case 'pascalPlural': return names.PluralPascal;
    case 'pascalSingular': return names.Pascal;
  }
}

/** `name` with the neighbour's token replaced by ours (`userRouter` → `gadgetRouter`). */
export function renameLike(name: string, pattern: NamePattern, names: ResourceNames): string | undefined {
  return name.startsWith(pattern.token) ? `${spell(pattern, names)}${name.slice(pattern.token.length)}` : undefined;
}

/** The last fixed segment of a mount path (`/v1/users` → `users`); undefined for `/` or a parameter. */
export function lastSegment(mountPath: string): string | undefined {
  const segments = mountPath.split('/').filter((s) => s !== '' && !s.startsWith(':') && !s.startsWith('{'));
  return segments.at(-1);
}
