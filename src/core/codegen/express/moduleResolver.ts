import { posix } from 'node:path';
import { asRecord, parseJsonc } from '../../project/jsonc';
import type { ProjectFiles } from '../types';

/** A tsconfig `paths` wildcard: `@/` → `src/`, both relative to the root. */
export interface PathAlias {
  readonly prefix: string;
  readonly target: string;
}

/** Turns module specifiers into project files and back, the way the project's tsconfig does. */
export interface ModuleResolver {
  /** The project file a specifier imported from `fromFile` names, or undefined (a package, or no such file). */
  resolve(fromFile: string, specifier: string): string | undefined;
  /** `toFile` through the first alias that covers it (`src/api/user/userRouter.ts` → `@/api/user/userRouter`). */
  aliasFor(toFile: string): string | undefined;
}

/** The wildcard `paths` of the root tsconfig.json (no `extends`: an alias we cannot read is simply not used). */
export function readPathAliases(files: ProjectFiles): PathAlias[] {
  const text = files.read('tsconfig.json');
  const options = text === undefined ? undefined : asRecord(asRecord(safeParse(text))?.compilerOptions);
  const paths = asRecord(options?.paths);
  if (!paths) {
    return [];
  }
  const baseUrl = typeof options?.baseUrl === 'string' ? options.baseUrl : '.';
  const aliases: PathAlias[] = [];
  for (const [key, value] of Object.entries(paths)) {
    const first = Array.isArray(value) ? (value[0] as unknown) : undefined;
    if (!key.endsWith('*') || typeof first !== 'string' || !first.endsWith('*') || key === '*') {
      continue;
    }
    const joined = posix.normalize(posix.join(baseUrl, first.slice(0, -1)));
    aliases.push({ prefix: key.slice(0, -1), target: joined === '.' || joined === './' ? '' : joined.endsWith('/') ? joined : `${joined}/` });
  }
  return aliases;
}

function safeParse(text: string): unknown {
  try {
    return parseJsonc(text);
  } catch {
    return undefined;
  }
}

/** A resolver over the project's files and aliases: `.ts` for `.js`, `index.ts` for folders. */
export function createModuleResolver(files: ProjectFiles, aliases: readonly PathAlias[] = readPathAliases(files)): ModuleResolver {
  const candidates = (base: string): string[] => {
    const stem = base.replace(/\.[cm]?js$/, '');
    return [`${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, base];
  };
  const existing = (base: string): string | undefined => candidates(posix.normalize(base)).find((c) => /\.tsx?$/.test(c) && files.exists(c));
  return {
    resolve(fromFile, specifier) {
      if (specifier.startsWith('.')) {
        return existing(posix.join(posix.dirname(fromFile), specifier));
      }
      const alias = aliases.find((a) => specifier.startsWith(a.prefix));
      return alias ? existing(`${alias.target}${specifier.slice(alias.prefix.length)}`) : undefined;
    },
    aliasFor(toFile) {
      const alias = aliases.find((a) => toFile.startsWith(a.target));
      return alias ? `${alias.prefix}${toFile.slice(alias.target.length).replace(/\.tsx?$/, '')}` : undefined;
    },
  };
}
