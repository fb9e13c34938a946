import { posix } from 'node:path';
import type { ProjectFacts } from '../../project';
import { importSpecifiers } from '../../project/codeScan';

/** A tsconfig `paths` alias: `@/` stands for `src/` (root-relative, with a trailing slash). */
export interface PathAlias {
  readonly prefix: string;
  readonly target: string;
}

/** How a new test imports project modules, as the neighbouring tests do. */
export interface TargetImportStyle {
  /** Set when the nearest tests import project modules through this alias (else: relative paths). */
  readonly alias?: PathAlias & {
    /** `.js` when the neighbours' aliased imports carry it. */
    readonly extension: '' | '.js';
  };
  /** The neighbouring test the choice was copied from. */
  readonly reason?: string;
}

const CODE_EXT = /\.(?:[cm]?[jt]sx?)$/;

/** Wildcard tsconfig `paths` (`"@/*": ["./src/*"]`) as prefix → root-relative target folder. */
export function wildcardAliases(paths: Readonly<Record<string, readonly string[]>>, baseUrl: string | undefined): PathAlias[] {
  const aliases: PathAlias[] = [];
  for (const [key, targets] of Object.entries(paths)) {
    const first = targets[0];
    if (!key.endsWith('/*') || first === undefined || !(first.endsWith('/*') || first === '*')) {
      continue;
    }
    const joined = posix.normalize(posix.join(baseUrl ?? '.', first.slice(0, -1)));
    aliases.push({ prefix: key.slice(0, -1), target: joined === '.' || joined === './' ? '' : joined.endsWith('/') ? joined : `${joined}/` });
  }
  return aliases.sort((a, b) => b.prefix.length - a.prefix.length);
}

/**
 * Alias or relative, copied from the nearest test that imports project code: it imports through
 * an alias (`@/api/user/userService`) more often than by relative path → the alias; otherwise
 * relative. `neighbours` are the nearest tests' texts, nearest first.
 */
export function targetImportStyle(neighbours: readonly { readonly path: string; readonly text: string }[], aliases: readonly PathAlias[]): TargetImportStyle {
  for (const neighbour of neighbours) {
    const internal = importSpecifiers(neighbour.text).filter((s) => s.startsWith('.') || aliases.some((a) => s.startsWith(a.prefix)));
    if (internal.length === 0) {
      continue;
    }
    const aliased = internal.filter((s) => !s.startsWith('.'));
    const [first] = aliased;
    const alias = first === undefined ? undefined : aliases.find((a) => first.startsWith(a.prefix));
    if (alias === undefined || aliased.length * 2 <= internal.length) {
      return { reason: `${neighbour.path} imports project modules by relative path` };
    }
    const extension = aliased.some((s) => s.endsWith('.js')) ? '.js' : '';
    return { alias: { ...alias, extension }, reason: `${neighbour.path} imports project modules through '${alias.prefix}'` };
  }
  return {};
}

/**
 * The module specifier a test at `fromFile` uses for `toFile` (root-relative paths): through the
 * alias when the style has one that covers `toFile`, else relative with the project's extension.
 */
export function importSpecifierFor(style: TargetImportStyle, fromFile: string, toFile: string, importExtension: ProjectFacts['importExtension']): string {
  const target = toFile.replace(CODE_EXT, '');
  const { alias } = style;
  if (alias !== undefined && target.startsWith(alias.target)) {
    return `${alias.prefix}${target.slice(alias.target.length)}${alias.extension}`;
  }
  const rel = posix.relative(posix.dirname(fromFile), target);
  return `${rel.startsWith('.') ? rel : `./${rel}`}${importExtension}`;
}
