import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ts, type CompilerOptions } from 'ts-morph';

/**
 * The major version of the TypeScript the project compiles with: the `typescript` package that
 * Node resolves from the project root (its own, or a workspace's hoisted one); undefined when the
 * project has none.
 */
export function projectTypeScriptMajor(root: string): number | undefined {
  try {
    const manifest = createRequire(join(root, 'package.json')).resolve('typescript/package.json');
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : '';
    const major = Number.parseInt(version, 10);
    return Number.isFinite(major) ? major : undefined;
  } catch {
    return undefined;
  }
}

/** The compiler options a tsconfig sets, its `extends` chain (relative or package configs) included. */
export function configuredOptions(tsconfigPath: string): CompilerOptions {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  };
  return ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, host)?.options ?? {};
}

/** Every `node_modules/@types` folder from `dir` up to the file system root: where TypeScript looks by default. */
export function automaticTypeRoots(dir: string): string[] {
  const roots: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, 'node_modules', '@types');
    if (existsSync(candidate)) {
      roots.push(candidate);
    }
    if (dirname(current) === current) {
      return roots;
    }
  }
}

/** `moduleResolution: node10`, TypeScript 5's default under `module: commonjs`. */
// eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated in 6, still what a TypeScript 5 project resolves with
const NODE10 = ts.ModuleResolutionKind.Node10;

/**
 * The defaults of TypeScript 5 and older that TypeScript 6 (the checker's own) changed, for the
 * options `configured` leaves unset, so that the check sees what the project's compiler sees:
 * every `@types` package in the type roots is included (6 includes none unless `types` says so),
 * `strict` is off, `module: commonjs` resolves like Node 10, and the options 6 deprecates still
 * work. Empty for a project on TypeScript 6 or newer; a project without TypeScript is checked as
 * the newest TypeScript would check it.
 */
export function olderCompilerDefaults(configured: CompilerOptions, typescriptMajor: number | undefined): CompilerOptions {
  if (typescriptMajor === undefined || typescriptMajor >= 6) {
    return {};
  }
  const commonJs = configured.module === ts.ModuleKind.CommonJS;
  return {
    ...(configured.types === undefined ? { types: ['*'] } : {}),
    ...(configured.strict === undefined ? { strict: false } : {}),
    ...(configured.noUncheckedSideEffectImports === undefined ? { noUncheckedSideEffectImports: false } : {}),
    ...(commonJs && configured.moduleResolution === undefined ? { moduleResolution: NODE10 } : {}),
    ...(configured.ignoreDeprecations === undefined ? { ignoreDeprecations: '6.0' } : {}),
  };
}
