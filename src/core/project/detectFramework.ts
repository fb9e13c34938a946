import { APP_CREATION } from './codeSignals';
import { dependencyVersion, type PackageJsonInfo } from './packageJson';
import type { FrameworkName, ProjectFacts, UnknownFact } from './projectFacts';
import type { ProjectFs } from './projectFs';
import type { SampledFile } from './sampleFiles';
import { majorOf } from './versionRange';

/** The package that names each framework, and its current and previous major for the question. */
const PACKAGES: readonly (readonly [FrameworkName, string, number, number])[] = [
  ['nestjs', '@nestjs/core', 11, 10],
  ['express', 'express', 5, 4],
  ['fastify', 'fastify', 5, 4],
  ['hono', 'hono', 4, 3],
];

export interface FrameworkResult {
  readonly framework?: ProjectFacts['framework'];
  readonly unknowns: readonly UnknownFact[];
}

/**
 * The framework from package.json (NestJS wins over the express/fastify it runs on). Several
 * frameworks, or none, give an unknown with candidates ordered by which the code creates; an
 * unreadable version gives the framework at its current major plus an unknown to confirm it.
 */
export async function detectFramework(fs: ProjectFs, pkg: PackageJsonInfo, sources: readonly SampledFile[]): Promise<FrameworkResult> {
  const present = PACKAGES.filter(([, name]) => pkg.dependencies.has(name));
  const evidence = (name: FrameworkName): number => sources.filter((file) => APP_CREATION[name].test(file.code)).length;
  const chosen = present.find(([name]) => name === 'nestjs') ?? (present.length === 1 ? present[0] : undefined);
  if (!chosen) {
    const candidates = (present.length > 0 ? present : PACKAGES)
      .map(([name]) => ({ name, score: evidence(name) }))
      .sort((a, b) => b.score - a.score)
      .map(({ name }) => name);
    const reason = present.length > 0
      ? `package.json lists several frameworks (${present.map(([, name]) => name).join(', ')})${candidates.length > 0 && evidence(candidates[0]!) > 0 ? `; the code creates a ${candidates[0]!} app` : ''}`
      : 'package.json lists none of express, fastify, @nestjs/core, hono';
    return { unknowns: [{ fact: 'framework', candidates, reason }] };
  }
  const [name, packageName, current, previous] = chosen;
  const version = await dependencyVersion(fs, pkg, packageName);
  const major = version === undefined ? undefined : majorOf(version);
  if (major === undefined) {
    return {
      framework: { name, major: current },
      unknowns: [{
        fact: 'framework',
        candidates: [`${name}@${current}`, `${name}@${previous}`],
        reason: `the ${packageName} version (${pkg.dependencies.get(packageName) ?? '?'}) does not say which major is used`,
      }],
    };
  }
  return { framework: { name, major }, unknowns: [] };
}
