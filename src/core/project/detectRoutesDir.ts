import path from 'node:path';
import { ROUTE_DEFINITION } from './codeSignals';
import { commonAncestor } from './commonAncestor';
import { FRAMEWORK_NAMES, type FrameworkName, type UnknownFact } from './projectFacts';
import type { SampledFile } from './sampleFiles';

export interface RoutesDirResult {
  readonly routesDir: string;
  readonly unknown?: UnknownFact;
}

function dirOf(file: string): string {
  return path.posix.dirname(file);
}

/**
 * Where route files live: the folder of the files that define routes (`Router()`, `app.get(`,
 * `@Controller`, an exported `new Hono()`); feature folders (`src/modules/users`,
 * `src/modules/orders`, NestJS's `src/users`) give their parent. Without route files: `<sourceDir>/routes`
 * (`<sourceDir>` for NestJS). Unrelated folders with as many route files each are an unknown.
 */
export function detectRoutesDir(
  framework: FrameworkName | undefined,
  sources: readonly SampledFile[],
  appFile: string | undefined,
  sourceDir: string,
): RoutesDirResult {
  const frameworks = framework ? [framework] : [...FRAMEWORK_NAMES];
  const defining = sources.filter((file) => frameworks.some((name) => ROUTE_DEFINITION[name].test(file.code))).map((file) => file.path);
  const routeFiles = defining.filter((file) => file !== appFile);
  const fallback = framework === 'nestjs' ? sourceDir : path.posix.join(sourceDir, 'routes');
  if (routeFiles.length === 0) {
    return { routesDir: fallback };
  }
  const counts = new Map<string, number>();
  for (const file of routeFiles) {
    counts.set(dirOf(file), (counts.get(dirOf(file)) ?? 0) + 1);
  }
  const dirs = [...counts.keys()];
  const ancestor = commonAncestor(dirs);
  const depth = (dir: string): number => (dir === '.' ? 0 : dir.split('/').length);
  const nested = ancestor !== '.' && dirs.every((dir) => depth(dir) - depth(ancestor) <= 1);
  const featureFolders = nested && (counts.has(ancestor) || ancestor !== sourceDir || dirs.length >= 3);
  if (framework === 'nestjs') {
    // Nest keeps one folder per feature module (src/users/users.controller.ts): new features go beside them.
    const flat = ancestor === sourceDir || ancestor === '.' || path.posix.basename(ancestor) === 'controllers';
    return { routesDir: flat || dirs.length > 1 ? ancestor : path.posix.dirname(ancestor) };
  }
  if (dirs.length === 1 || featureFolders) {
    return { routesDir: dirs.length === 1 ? dirs[0]! : ancestor };
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [top, second] = ranked;
  if (top && second && top[1] > second[1]) {
    return { routesDir: top[0] };
  }
  const candidates = ranked.map(([dir]) => dir);
  return {
    routesDir: candidates[0] ?? fallback,
    unknown: { fact: 'routesDir', candidates, reason: `route files live in several folders: ${candidates.join(', ')}` },
  };
}
