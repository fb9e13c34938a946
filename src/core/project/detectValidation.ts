import { importSpecifiers } from './codeScan';
import type { PackageJsonInfo } from './packageJson';
import type { ValidationStyle } from './projectFacts';
import type { SampledFile } from './sampleFiles';

/** Validation styles, the package that brings each, most specific first (the tie-break order). */
const STYLES: readonly (readonly [ValidationStyle, string])[] = [
  ['zod-openapi', '@hono/zod-openapi'],
  ['zod-to-openapi', '@asteasolutions/zod-to-openapi'],
  ['class-validator', 'class-validator'],
  ['zod', 'zod'],
];

/**
 * The validation style: among those package.json brings, the one neighbouring files import
 * most (an OpenAPI flavour that is imported at all counts its zod imports too); on a tie the
 * most specific; `none` when no validation library is a dependency.
 */
export function detectValidation(pkg: PackageJsonInfo, sources: readonly SampledFile[]): ValidationStyle {
  const present = STYLES.filter(([, name]) => pkg.dependencies.has(name));
  if (present.length === 0) {
    return 'none';
  }
  const specifiers = sources.flatMap((file) => importSpecifiers(file.text));
  const usesOf = (name: string): number => specifiers.filter((s) => s === name || s.startsWith(`${name}/`)).length;
  const zodUses = usesOf('zod');
  // The OpenAPI flavours build on zod: a project that uses one at all writes its zod for it.
  const scored = present.map(([style, name], order) => {
    const own = usesOf(name);
    return { style, order, uses: style.includes('openapi') && own > 0 ? own + zodUses : own };
  });
  scored.sort((a, b) => b.uses - a.uses || a.order - b.order);
  return scored[0]?.style ?? 'none';
}
