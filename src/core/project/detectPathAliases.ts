import path from 'node:path';
import { importSpecifiers } from './codeScan';
import type { ProjectFacts } from './projectFacts';
import type { SampledFile } from './sampleFiles';
import type { TsconfigInfo } from './tsconfig';

/**
 * Wildcard `paths` entries (`"@/*": ["src/*"]` → `@/` → `src/`, relative to the root) that at
 * least one neighbouring file imports through; an alias nobody uses is not a convention.
 */
export function detectPathAliases(tsconfig: TsconfigInfo, sources: readonly SampledFile[]): ProjectFacts['pathAliases'] {
  const used = sources.flatMap((file) => importSpecifiers(file.text));
  const aliases: { prefix: string; target: string }[] = [];
  for (const [key, targets] of Object.entries(tsconfig.paths)) {
    const first = targets[0];
    if (!key.endsWith('*') || first === undefined || !first.endsWith('*')) {
      continue;
    }
    const prefix = key.slice(0, -1);
    if (prefix === '' || !used.some((specifier) => specifier.startsWith(prefix))) {
      continue;
    }
    const joined = path.posix.normalize(path.posix.join(tsconfig.baseUrl ?? '.', first.slice(0, -1)));
    const target = joined === '.' || joined === './' ? '' : joined.endsWith('/') ? joined : `${joined}/`;
    aliases.push({ prefix, target });
  }
  return aliases;
}
