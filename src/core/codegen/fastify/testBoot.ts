import { posix } from 'node:path';
import { Node, type SourceFile } from 'ts-morph';
import { evidence, type ProjectSources } from './projectSources';

/** The project's own test helper that builds the whole app (`test/helper.ts` → `build()`). */
export interface TestHelper {
  readonly path: string;
  readonly exportName: string;
  readonly evidence: string;
}

/** Packages that talk to a database, cache or broker: an app that loads one cannot boot in a unit test. */
const SERVICE_PACKAGE = /^(?:knex|mysql2?|pg|postgres|@prisma\/client|mongoose|mongodb|typeorm|sequelize|drizzle-orm|ioredis|redis|kysely|amqplib|kafkajs|@mikro-orm\/[\w-]+|@fastify\/(?:postgres|mysql|mongodb|redis))(?:\/.*)?$/;

const HELPER_FILES = ['helper.ts', 'helpers.ts', 'helper/index.ts', 'utils.ts', 'build.ts'];
const BUILDER_NAME = /^(?:build|create|get|setup)\w*$/i;

function builderIn(file: SourceFile): { name: string; line: number } | undefined {
  for (const fn of file.getFunctions()) {
    const name = fn.getName();
    if (name && fn.isExported() && BUILDER_NAME.test(name) && fn.getParameters().every((p) => p.isOptional() || p.hasInitializer())) {
      return { name, line: fn.getStartLineNumber() };
    }
  }
  for (const decl of file.getVariableDeclarations()) {
    const init = decl.getInitializer();
    if (decl.isExported() && BUILDER_NAME.test(decl.getName()) && init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))
      && init.getParameters().every((p) => p.isOptional() || p.hasInitializer())) {
      return { name: decl.getName(), line: decl.getStartLineNumber() };
    }
  }
  return undefined;
}

/**
 * The project's test helper: an exported `build…`/`create…` function with no required arguments
 * in `<testsDir>/helper.ts` (fastify-cli's name), a sibling, or the same in a parent of testsDir
 * (`test/` for tests in `test/routes/`) or in `test/`, `tests/`, that builds a Fastify app.
 */
export function findTestHelper(sources: ProjectSources, testsDir: string): TestHelper | undefined {
  const dirs: string[] = [];
  for (let dir = testsDir; dir !== '.' && dir !== '' && !dirs.includes(dir); dir = posix.dirname(dir)) {
    dirs.push(dir);
  }
  dirs.push(...['test', 'tests'].filter((d) => !dirs.includes(d)));
  for (const path of dirs.flatMap((dir) => HELPER_FILES.map((name) => posix.join(dir, name)))) {
    const file = sources.get(path);
    const builder = file && /\bfastify\b|\bFastify\b/.test(file.getFullText()) ? builderIn(file) : undefined;
    if (builder) {
      return { path, exportName: builder.name, evidence: evidence(path, builder.line) };
    }
  }
  return undefined;
}

/**
 * Why booting the app in a unit test needs an external service: the first module among the app's
 * files (its imports, followed through relative and aliased paths, and every file in the plugin
 * folders autoload loads) that imports a database, cache or broker client. Undefined when none does.
 */
export function externalServiceReason(sources: ProjectSources, appFiles: readonly string[], pluginDirs: readonly string[]): string | undefined {
  const queue = [...appFiles, ...pluginDirs.flatMap((dir) => sources.walk(dir))];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < 300) {
    const path = queue.shift()!;
    if (seen.has(path)) {
      continue;
    }
    seen.add(path);
    const file = sources.get(path);
    for (const decl of file?.getImportDeclarations() ?? []) {
      const specifier = decl.getModuleSpecifierValue();
      if (!decl.isTypeOnly() && SERVICE_PACKAGE.test(specifier)) {
        return `${evidence(path, decl.getStartLineNumber())} imports ${specifier}`;
      }
      const next = decl.isTypeOnly() ? undefined : sources.resolve(path, specifier);
      if (next) {
        queue.push(next);
      }
    }
  }
  return undefined;
}
