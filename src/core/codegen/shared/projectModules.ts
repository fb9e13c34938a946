import { posix } from 'node:path';
import type { SourceFile } from 'ts-morph';
import type { GenerationContext } from './generationContext';

/** A project file read into the context's ts-morph project for inspection (never written). */
export interface ScannedFile {
  /** Relative to the project root. */
  readonly path: string;
  readonly file: SourceFile;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '/index.ts'];

/**
 * The project file a module specifier in `fromFile` points at: relative specifiers, and the
 * project's path aliases (`@/lib/x` → `src/lib/x.ts`). Undefined for packages and missing files.
 */
export function resolveProjectModule(ctx: GenerationContext, fromFile: string, specifier: string): string | undefined {
  let base: string | undefined;
  if (specifier.startsWith('.')) {
    base = posix.join(posix.dirname(fromFile), specifier);
  } else {
    const alias = (ctx.input.options.pathAliases ?? []).find((a) => specifier.startsWith(a.prefix));
    base = alias ? posix.normalize(`${alias.target}${specifier.slice(alias.prefix.length)}`) : undefined;
  }
  if (base === undefined) {
    return undefined;
  }
  const stem = base.replace(/\.(js|ts|mjs)$/, '');
  return EXTENSIONS.map((ext) => `${stem}${ext}`).find((p) => ctx.input.files.exists(p));
}

/**
 * How `fromFile` should import the project file `toFile`, the way `like` (an existing specifier of
 * the same file) is written: through the alias it uses, else relative.
 */
export function moduleSpecifierLike(ctx: GenerationContext, fromFile: string, toFile: string, like: string | undefined): string {
  const alias = like === undefined ? undefined : (ctx.input.options.pathAliases ?? []).find((a) => like.startsWith(a.prefix));
  const ext = ctx.input.options.importExtension;
  if (alias && toFile.startsWith(alias.target)) {
    return `${alias.prefix}${toFile.slice(alias.target.length).replace(/\.(ts|tsx|mts)$/, '')}${ext}`;
  }
  const target = toFile.replace(/\.(ts|tsx|mts)$/, '');
  const rel = posix.relative(posix.dirname(fromFile), target);
  return `${rel.startsWith('.') ? rel : `./${rel}`}${ext}`;
}

/** Reads a project file into the ts-morph project under a scan prefix; undefined when it does not exist. */
export function scanFile(ctx: GenerationContext, path: string): ScannedFile | undefined {
  const text = ctx.input.files.read(path);
  if (text === undefined) {
    return undefined;
  }
  return { path, file: ctx.project.createSourceFile(`/__scan__/${path}`, text, { overwrite: true }) };
}
