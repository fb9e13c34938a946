import { posix } from 'node:path';
import type { GenerationContext } from './generationContext';
import { neighbourTest } from './neighbourTest';
import type { ResourcePaths } from './resourcePaths';

/** A feature module of the project: its folder named after it (`src/modules/auth/`) holding its routes module. */
export interface SiblingModule {
  /** The feature's name as its folder spells it (`auth`). */
  readonly feature: string;
  /** `src/modules/auth` */
  readonly folder: string;
  /** The routes module in it (`src/modules/auth/auth.routes.ts`). */
  readonly entry: string;
}

/** Where the new feature module's schemas, tests and repository go, and the facts each choice was read from. */
export interface ModulePlacement {
  readonly paths: Partial<Pick<ResourcePaths, 'schemas' | 'test' | 'repository'>>;
  /** The index that re-exports the schemas file, when every sibling's schemas folder has one. */
  readonly schemasIndex?: string;
  readonly evidence: readonly string[];
}

/** Lists the project's source files under a folder, recursively (relative to the root). */
export type SourceWalker = (dir: string, limit?: number) => string[];

/** One file's place (undefined: the generic one) and the review note saying why. */
interface Place {
  readonly path?: string;
  /** For schemas: the folder's index that re-exports them. */
  readonly index?: string;
  readonly evidence: string;
}

const TEST_FILE = /[.-](?:test|spec)\.[cm]?tsx?$/;
const SCHEMA_FOLDERS = ['schemas', 'schema'];

/** How one sibling keeps its schemas: a folder in the module (`schemas/`), a file beside its routes (`auth.schemas.ts`), or neither. */
function schemaHabit(ctx: GenerationContext, walk: SourceWalker, m: SiblingModule): { key: string; shown: string } | undefined {
  const folder = SCHEMA_FOLDERS.find((sub) => walk(posix.join(m.folder, sub), 20).length > 0);
  if (folder !== undefined) {
    return { key: `folder:${folder}`, shown: `${posix.join(m.folder, folder)}/` };
  }
  for (const entry of ctx.input.files.list?.(m.folder) ?? []) {
    const rest = entry.startsWith(m.feature) ? entry.slice(m.feature.length) : undefined;
    if (rest !== undefined && /^[.\-_]?[sS]chemas?\.[cm]?ts$/.test(rest)) {
      return { key: `file:${rest}`, shown: posix.join(m.folder, entry) };
    }
    if (/^schemas?\.[cm]?ts$/.test(entry)) {
      return { key: `plain:${entry}`, shown: posix.join(m.folder, entry) };
    }
  }
  return undefined;
}

function schemasPlace(ctx: GenerationContext, walk: SourceWalker, siblings: readonly SiblingModule[], folder: string, name: string): Place {
  const today = ctx.paths.schemas;
  const habits = siblings.map((m) => schemaHabit(ctx, walk, m));
  const keys = new Set(habits.map((h) => h?.key ?? 'none'));
  const first = habits[0];
  if (keys.size === 1 && first === undefined) {
    return { evidence: `Schemas go to ${today}: no sibling module keeps schemas in its folder (${siblings.map((m) => m.folder).join(', ')}).` };
  }
  if (keys.size > 1 || first === undefined) {
    const shown = siblings.map((m, i) => `${m.feature}: ${habits[i]?.shown ?? 'none'}`).join(', ');
    return { evidence: `Schemas go to ${today}: the sibling modules keep theirs in different places (${shown}).` };
  }
  const [kind, value] = first.key.split(':') as [string, string];
  const path = kind === 'folder' ? posix.join(folder, value, `${name}.ts`) : kind === 'file' ? posix.join(folder, `${name}${value}`) : posix.join(folder, value);
  const indexed = kind === 'folder' && siblings.every((m) => ctx.input.files.exists(posix.join(m.folder, value, 'index.ts')));
  const index = indexed ? posix.join(folder, value, 'index.ts') : undefined;
  const where = `Schemas go to ${path}, where each sibling module keeps its own (${habits.map((h) => h!.shown).join(', ')})`;
  return { path, ...(index ? { index } : {}), evidence: index ? `${where}, re-exported from ${index} as theirs are.` : `${where}.` };
}

/** `books` → `gadgets` in a file name that starts with the feature (`books.routes.test.ts` → `gadgets.routes.test.ts`). */
function renamedFile(base: string, feature: string, name: string): string | undefined {
  return base.startsWith(feature) && /^[.\-_]/.test(base.slice(feature.length)) ? `${name}${base.slice(feature.length)}` : undefined;
}

function suffixOf(tests: readonly string[], fallback: string): string {
  const specs = tests.filter((t) => /\.spec\.[cm]?tsx?$/.test(t)).length;
  return specs === tests.length ? '.spec.ts' : specs === 0 ? '.test.ts' : fallback;
}

/** Tests inside each module's folder (`src/modules/auth/auth.routes.test.ts`, `…/auth/__tests__/x.test.ts`): the new one beside its routes. */
function colocatedTest(ctx: GenerationContext, walk: SourceWalker, siblings: readonly SiblingModule[], folder: string, entry: string, name: string): Place | undefined {
  const own = siblings.map((m) => ({ m, test: neighbourTest(ctx.input.files, m.entry) })).filter((s) => s.test !== undefined).at(-1);
  if (own) {
    const rel = posix.relative(own.m.folder, posix.dirname(own.test!));
    const base = renamedFile(posix.basename(own.test!), own.m.feature, name) ?? `${posix.basename(entry).replace(/\.[cm]?tsx?$/, '')}${posix.basename(own.test!).match(/\.(?:test|spec)\.ts$/)![0]}`;
    const path = posix.join(folder, rel, base);
    return { path, evidence: `Tests go to ${path}, beside the routes like ${own.test!}.` };
  }
  const inside = siblings.flatMap((m) => walk(m.folder, 100).filter((f) => TEST_FILE.test(f)));
  if (inside.length === 0) {
    return undefined;
  }
  const path = posix.join(folder, `${name}${suffixOf(inside, ctx.input.options.layout.testSuffix)}`);
  return { path, evidence: `Tests go to ${path}, in the module like ${inside[0]!}.` };
}

/** Tests in a tree that mirrors the modules (`src/test/modules/<m>/…`): the new one in its own folder there. */
function mirroredTest(ctx: GenerationContext, walk: SourceWalker, siblings: readonly SiblingModule[], name: string): Place | undefined {
  const { testsDir, testSuffix } = ctx.input.options.layout;
  // From the test folder itself (`src/test` of `src/test/modules`): the detected tests folder may be one module's own.
  const segments = testsDir.split('/');
  const top = segments.findIndex((s) => /^(?:test|tests|__tests__)$/.test(s));
  const tests = walk(top >= 0 ? segments.slice(0, top + 1).join('/') : testsDir, 500).filter((f) => TEST_FILE.test(f));
  const roots = new Map<string, string[]>();
  for (const m of siblings) {
    // The shallowest folder named after the feature (`src/test/modules/auth/`), not one deeper in another tree.
    const found = tests.map((t) => ({ t, at: t.split('/').slice(0, -1).indexOf(m.feature) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at);
    const root = found[0] ? found[0].t.split('/').slice(0, found[0].at).join('/') : undefined;
    if (root !== undefined) {
      roots.set(root, [...(roots.get(root) ?? []), ...found.filter((x) => x.at === found[0]!.at && x.t.startsWith(`${root}/`)).map((x) => x.t)]);
    }
  }
  if (roots.size === 0) {
    return undefined;
  }
  if (roots.size > 1) {
    return { evidence: `Tests go to ${ctx.paths.test}: the sibling modules' tests sit in different trees (${[...roots.values()].map((t) => t[0]!).join(', ')}).` };
  }
  const [root, shown] = [...roots.entries()][0]!;
  const suffix = suffixOf(shown, testSuffix);
  // A sibling whose test is named after it (`test/modules/books/books.test.ts`) shows the sub-folder and name to copy.
  const named = siblings.flatMap((m) => shown.filter((t) => t.startsWith(`${root}/${m.feature}/`)).map((t) => ({ t, to: renamedFile(posix.basename(t), m.feature, name), rel: posix.relative(posix.join(root, m.feature), posix.dirname(t)) }))).find((n) => n.to !== undefined);
  const path = named ? posix.join(root, name, named.rel, named.to!) : posix.join(root, name, `${name}${suffix}`);
  return { path, evidence: `Tests go to ${path}, in the tree that mirrors the modules (${shown.slice(0, 2).join(', ')}).` };
}

function testPlace(ctx: GenerationContext, walk: SourceWalker, siblings: readonly SiblingModule[], folder: string, entry: string, name: string): Place {
  const today = ctx.paths.test;
  return colocatedTest(ctx, walk, siblings, folder, entry, name)
    ?? mirroredTest(ctx, walk, siblings, name)
    ?? { evidence: `Tests go to ${today}: no test of the sibling modules shows a place for them.` };
}

/** The learned place, unless it is new and an earlier run wrote the file in the generic place: then that one is extended. */
function unlessEarlier(ctx: GenerationContext, what: string, today: string, learned: Place): Place {
  const { files } = ctx.input;
  if (learned.path === undefined || learned.path === today || files.exists(learned.path) || !files.exists(today)) {
    return learned;
  }
  return { evidence: `${what} stay in ${today}, which an earlier run wrote, so it is extended there.` };
}

function repositoryPlace(ctx: GenerationContext, walk: SourceWalker, folder: string): Place {
  const today = ctx.paths.repository;
  const dir = posix.dirname(today);
  if (ctx.input.files.exists(today) || ctx.input.files.exists(dir)) {
    return { evidence: `The in-memory repository goes to ${today}: the project has ${dir}/ already.` };
  }
  const path = posix.join(folder, posix.basename(today));
  // Implementations, not their interfaces (`IUserRepository.ts`) or base classes (`AbstractMongoRepository.ts`).
  const others = walk(ctx.input.options.layout.sourceDir, 500).filter((f) => /Repository\.[cm]?ts$/.test(f) && !/^(?:I[A-Z]|Abstract)/.test(posix.basename(f)) && !f.startsWith(`${folder}/`));
  const theirs = others.length > 0 ? `; the project's own repositories (${others.slice(0, 2).join(', ')}) implement its database, which this in-memory one does not` : '';
  return { path, evidence: `The in-memory repository goes to ${path}, with its feature: the project has no ${dir}/${theirs}.` };
}

/**
 * Places a new feature module's schemas, tests and in-memory repository the way the sibling
 * modules show: schemas in each module's `schemas/` folder or a file beside its routes (all
 * siblings alike, else the generic place); tests beside the routes when the modules hold theirs,
 * else in the tree that mirrors the modules (`src/test/modules/<m>/…`); the repository in the
 * module unless the project has the generic repositories folder. Files an earlier run wrote in
 * the generic places stay there, so a second spec extends them.
 */
export function featureModulePlacement(ctx: GenerationContext, walk: SourceWalker, siblings: readonly SiblingModule[], entry: string): ModulePlacement {
  const folder = posix.dirname(entry);
  const name = posix.basename(folder);
  // The module itself (a second spec on it) is evidence only when it is the only one.
  const others = siblings.filter((m) => m.folder !== folder);
  const shown = others.length > 0 ? others : siblings;
  const schemas = unlessEarlier(ctx, 'Schemas', ctx.paths.schemas, schemasPlace(ctx, walk, shown, folder, name));
  const test = unlessEarlier(ctx, 'Tests', ctx.paths.test, testPlace(ctx, walk, shown, folder, entry, name));
  const repository = repositoryPlace(ctx, walk, folder);
  return {
    paths: {
      ...(schemas.path !== undefined ? { schemas: schemas.path } : {}),
      ...(test.path !== undefined ? { test: test.path } : {}),
      ...(repository.path !== undefined ? { repository: repository.path } : {}),
    },
    ...(schemas.index !== undefined ? { schemasIndex: schemas.index } : {}),
    evidence: [schemas.evidence, test.evidence, repository.evidence],
  };
}
