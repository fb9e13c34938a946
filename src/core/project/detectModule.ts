import { importSpecifiers } from './codeScan';
import type { PackageJsonInfo } from './packageJson';
import type { SampledFile } from './sampleFiles';
import type { TsconfigInfo } from './tsconfig';

const NODE_MODULES = /^node(?:16|18|20|next)$/;

/**
 * ESM or CommonJS: tsconfig `module` commonjs → cjs; Node16/NodeNext → package.json `type`;
 * ES modules/preserve → esm; no tsconfig → package.json `type` (CommonJS unless "module").
 */
export function detectModuleKind(pkg: PackageJsonInfo, tsconfig: TsconfigInfo): 'esm' | 'cjs' {
  const module = tsconfig.module;
  if (module === undefined || NODE_MODULES.test(module)) {
    return pkg.type === 'module' ? 'esm' : 'cjs';
  }
  if (module === 'commonjs' || module === 'umd' || module === 'amd') {
    return 'cjs';
  }
  return 'esm';
}

/** Whether relative imports must end in `.js` under the compiler's rules (Node16/NodeNext ESM). */
function configNeedsJs(tsconfig: TsconfigInfo, moduleKind: 'esm' | 'cjs'): boolean {
  const resolution = tsconfig.moduleResolution ?? (tsconfig.module !== undefined && NODE_MODULES.test(tsconfig.module) ? tsconfig.module : undefined);
  return moduleKind === 'esm' && resolution !== undefined && NODE_MODULES.test(resolution);
}

/**
 * `.js` when the config requires it, else what neighbouring relative imports do (a majority
 * ending in `.js`), else none.
 */
export function detectImportExtension(tsconfig: TsconfigInfo, moduleKind: 'esm' | 'cjs', sources: readonly SampledFile[]): '' | '.js' {
  if (configNeedsJs(tsconfig, moduleKind)) {
    return '.js';
  }
  let withJs = 0;
  let without = 0;
  for (const file of sources) {
    for (const specifier of importSpecifiers(file.text)) {
      if (!specifier.startsWith('.')) {
        continue;
      }
      if (/\.js$/.test(specifier)) {
        withJs += 1;
      } else if (!/\.\w+$/.test(specifier) || /\/\.\.?$|^\.\.?$/.test(specifier)) {
        without += 1;
      }
    }
  }
  return withJs > without ? '.js' : '';
}
