/**
 * Deterministic naming helpers shared by every generator: the same resource name always gives the
 * same file, type, route and variable names.
 */

const IRREGULAR: Readonly<Record<string, string>> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
  goose: 'geese',
  foot: 'feet',
  tooth: 'teeth',
  ox: 'oxen',
  leaf: 'leaves',
  knife: 'knives',
  life: 'lives',
  wife: 'wives',
  half: 'halves',
  shelf: 'shelves',
  wolf: 'wolves',
  thief: 'thieves',
  hero: 'heroes',
  potato: 'potatoes',
  tomato: 'tomatoes',
  echo: 'echoes',
  quiz: 'quizzes',
  criterion: 'criteria',
  index: 'indices',
  matrix: 'matrices',
  vertex: 'vertices',
};
const IRREGULAR_SINGULAR: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(IRREGULAR).map(([s, p]) => [p, s]));
const UNCOUNTABLE = new Set(['data', 'metadata', 'information', 'equipment', 'news', 'series', 'species', 'sheep', 'fish', 'deer', 'money', 'feedback', 'software', 'media']);
/** Words ending in -ies whose singular ends in -ie, not -y. */
const IE_WORDS = new Set(['movie', 'cookie', 'zombie', 'pie', 'tie', 'rookie', 'selfie', 'calorie', 'lie', 'hippie', 'genie']);

/** Splits camelCase, PascalCase, snake_case, kebab-case, dotted and spaced names into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `user-account` → `UserAccount`. */
export function pascal(name: string): string {
  return words(name).map(capitalize).join('');
}

/** `user-account` → `userAccount`. */
export function camel(name: string): string {
  const p = pascal(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** `userAccount` → `user-account`. */
export function kebab(name: string): string {
  return words(name).join('-');
}

/** Applies `change` to the last word of a camel/Pascal name, keeping the case of its first letter. */
function onLastWord(name: string, change: (word: string) => string): string {
  const match = /([A-Z]?[a-z0-9]*)$/.exec(name);
  const last = match?.[1] ?? '';
  if (last.length === 0) {
    return change(name.toLowerCase());
  }
  const head = name.slice(0, name.length - last.length);
  const changed = change(last.toLowerCase());
  return head + (/[A-Z]/.test(last.charAt(0)) ? capitalize(changed) : changed);
}

function pluralWord(word: string): string {
  if (UNCOUNTABLE.has(word) || IRREGULAR_SINGULAR[word] !== undefined) {
    return word;
  }
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) {
    return irregular;
  }
  if (/[^aeiou]y$/.test(word)) {
    return `${word.slice(0, -1)}ies`;
  }
  if (/is$/.test(word)) {
    return `${word.slice(0, -2)}es`;
  }
  if (/(ss|us|x|z|ch|sh)$/.test(word)) {
    return `${word}es`;
  }
  if (/s$/.test(word)) {
    return word; // already plural: "users"
  }
  return `${word}s`;
}

function singularWord(word: string): string {
  if (UNCOUNTABLE.has(word) || IRREGULAR[word] !== undefined) {
    return word;
  }
  const irregular = IRREGULAR_SINGULAR[word];
  if (irregular !== undefined) {
    return irregular;
  }
  if (/ies$/.test(word)) {
    const ie = word.slice(0, -1);
    return IE_WORDS.has(ie) ? ie : `${word.slice(0, -3)}y`;
  }
  if (/(?:ou|au)ses$/.test(word)) {
    return word.slice(0, -1); // "warehouses", "causes": the e belongs to the singular
  }
  if (/(ss|us|x|z|ch|sh)es$/.test(word)) {
    return word.slice(0, -2);
  }
  if (/[^s]s$/.test(word) && !/(us|is)$/.test(word)) {
    return word.slice(0, -1);
  }
  return word;
}

/** `product` → `products`, `category` → `categories`, `person` → `people`; camelCase: the last word changes. */
export function plural(name: string): string {
  return onLastWord(name, pluralWord);
}

/** The inverse of {@link plural}: `categories` → `category`, `people` → `person`, `statuses` → `status`. */
export function singular(name: string): string {
  return onLastWord(name, singularWord);
}

/** The names a resource gives to files, types, variables and routes. */
export interface ResourceNames {
  /** `userAccount` */
  readonly singular: string;
  /** `userAccounts` */
  readonly plural: string;
  /** `UserAccount` */
  readonly Pascal: string;
  /** `UserAccounts` */
  readonly PluralPascal: string;
  /** `user-accounts` */
  readonly kebabPlural: string;
  /** The spec's basePath, or `/user-accounts`. */
  readonly basePath: string;
}

/** Every name a generator needs for a spec's resource, derived deterministically. */
export function resourceNames(spec: { readonly resource: string; readonly basePath?: string | undefined }): ResourceNames {
  const singularName = camel(spec.resource);
  const pluralName = camel(plural(singularName));
  const kebabPlural = kebab(pluralName);
  return {
    singular: singularName,
    plural: pluralName,
    Pascal: pascal(singularName),
    PluralPascal: pascal(pluralName),
    kebabPlural,
    basePath: spec.basePath ?? `/${kebabPlural}`,
  };
}
