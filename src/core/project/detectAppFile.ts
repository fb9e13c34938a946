import path from 'node:path';
import { APP_CREATION, countMatches, REGISTRATION } from './codeSignals';
import { FRAMEWORK_NAMES, type FrameworkName, type UnknownFact } from './projectFacts';
import type { SampledFile } from './sampleFiles';

export interface AppFileResult {
  readonly appFile?: string;
  readonly unknown?: UnknownFact;
}

const ENTRY_NAME = /(?:^|\/)(?:main|app|server|index)\.[cm]?ts$/;

/** NestJS: the root module passed to `NestFactory.create(AppModule)`, resolved through its import. */
function nestRootModule(main: SampledFile, listed: ReadonlySet<string>): string | undefined {
  const moduleName = /NestFactory\.create\s*(?:<[^>]*>)?\(\s*(\w+)/.exec(main.text)?.[1];
  if (moduleName === undefined) {
    return undefined;
  }
  const specifier = new RegExp(`import\\s*\\{[^}]*\\b${moduleName}\\b[^}]*\\}\\s*from\\s*['"](\\.[^'"]+)['"]`).exec(main.text)?.[1];
  if (specifier === undefined) {
    return undefined;
  }
  const resolved = path.posix.join(path.posix.dirname(main.path), specifier.replace(/\.js$/, ''));
  return [`${resolved}.ts`, `${resolved}/index.ts`].find((candidate) => listed.has(candidate));
}

/**
 * The file that creates the app (`express()`, `Fastify(`, `new Hono(`, `NestFactory.create`)
 * and registers routers on it, by a text scan of the sampled sources. A tie between files, or
 * none at all, is an unknown: the editor asks, the CLI takes `--app-file`.
 */
export function detectAppFile(
  framework: FrameworkName | undefined,
  sources: readonly SampledFile[],
  listed: readonly string[],
): AppFileResult {
  const frameworks = framework ? [framework] : [...FRAMEWORK_NAMES];
  const scored = sources
    .map((file) => {
      const creates = frameworks.filter((name) => APP_CREATION[name].test(file.code));
      const registrations = creates.reduce((sum, name) => sum + countMatches(file.code, REGISTRATION[name]), 0);
      const score = creates.length === 0 ? 0 : 1 + 2 * Math.min(registrations, 10) + (ENTRY_NAME.test(file.path) ? 1 : 0);
      return { file, score };
    })
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best && framework === 'nestjs') {
    return { appFile: nestRootModule(best.file, new Set(listed)) ?? best.file.path };
  }
  if (best && (scored[1] === undefined || scored[1].score < best.score)) {
    return { appFile: best.file.path };
  }
  if (best) {
    const tied = scored.filter(({ score }) => score === best.score).map(({ file }) => file.path);
    return { unknown: { fact: 'appFile', candidates: tied, reason: `several files create the app: ${tied.join(', ')}` } };
  }
  if (framework === undefined) {
    return {};
  }
  const candidates = listed.filter((file) => ENTRY_NAME.test(file)).slice(0, 5);
  return { unknown: { fact: 'appFile', candidates, reason: `no file creates a ${framework} app (searched ${sources.length} files)` } };
}
