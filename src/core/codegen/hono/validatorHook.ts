import { posix } from 'node:path';
import { Node, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';

/** A `zValidator` hook the project already uses: its exported name and the file exporting it. */
export interface ValidatorHook {
  readonly name: string;
  /** Relative to the project root. */
  readonly path: string;
}

const ZOD_VALIDATOR = '@hono/zod-validator';

/** The project file a relative specifier in `fromFile` points at, when it exists. */
function resolveModule(ctx: GenerationContext, fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) {
    return undefined;
  }
  const base = posix.join(posix.dirname(fromFile), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) => ctx.input.files.exists(p));
}

function scan<T>(ctx: GenerationContext, path: string, read: (file: SourceFile) => T): T | undefined {
  const text = ctx.input.files.read(path);
  if (text === undefined) {
    return undefined;
  }
  const file = ctx.project.createSourceFile(`/__scan__/${path}`, text, { overwrite: true });
  try {
    return read(file);
  } finally {
    ctx.project.removeSourceFile(file);
  }
}

/** The hook passed as third argument to `zValidator(...)` in a file, resolved to where it is exported. */
function hookIn(ctx: GenerationContext, path: string, file: SourceFile): ValidatorHook | undefined {
  const validator = file.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === ZOD_VALIDATOR)?.getNamedImports().find((n) => n.getName() === 'zValidator');
  if (!validator) {
    return undefined;
  }
  const local = validator.getAliasNode()?.getText() ?? 'zValidator';
  for (const call of file.getDescendants().filter(Node.isCallExpression)) {
    const hook = call.getExpression().getText() === local ? call.getArguments()[2] : undefined;
    if (!hook || !Node.isIdentifier(hook)) {
      continue;
    }
    for (const decl of file.getImportDeclarations()) {
      const named = decl.getNamedImports().find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === hook.getText());
      const target = named ? resolveModule(ctx, path, decl.getModuleSpecifierValue()) : undefined;
      if (named && target) {
        return { name: named.getName(), path: target };
      }
    }
  }
  return undefined;
}

/**
 * The validation hook of the project's existing `zValidator` routes: the resource's own route file
 * and the modules the app file imports are read (nothing else), in that order. Undefined when the
 * project does not validate with `@hono/zod-validator` and a shared hook; generated routes then use
 * safeParse with the shared ValidationError body.
 */
export function findValidatorHook(ctx: GenerationContext, appPath: string): ValidatorHook | undefined {
  const candidates = [ctx.paths.router, ...(scan(ctx, appPath, (file) => file.getImportDeclarations().map((d) => resolveModule(ctx, appPath, d.getModuleSpecifierValue()))) ?? [])];
  for (const path of new Set(candidates.filter((p): p is string => p !== undefined))) {
    const hook = scan(ctx, path, (file) => hookIn(ctx, path, file));
    if (hook) {
      return hook;
    }
  }
  return undefined;
}
