import { posix } from 'node:path';
import type { Project, SourceFile, StatementedNode } from 'ts-morph';
import { arrayMounts, inlineArrayNotes, type ArraySlot } from './arrayMounts';
import { createCodeProject } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { relativeModule } from '../shared/imports';
import { appFilePath } from '../shared/projectApp';
import { neighbourTest } from '../shared/neighbourTest';
import type { ResourcePaths } from '../shared/resourcePaths';
import { appStatements, findExpressAppOrThrow, type ExpressApp } from './expressApp';
import { expressPath } from './routeHandler';
import { createModuleResolver, type ModuleResolver } from './moduleResolver';
import { lastSegment, namePattern, renameLike, spell, type NamePattern } from './neighbourNaming';
import { parseProjectFile, routerMounts, routerVariable, type RouterMount } from './routerMounts';

/** Where a new router is registered: the app, or an index router the app mounts (`router.use('/emojis', emojis)`). */
export interface RegistrationSite {
  readonly file: string;
  /** The object `use` is called on. */
  readonly on: string;
  /** The path the site itself is mounted at (`/api/v1` for an index router, `''` for the app). */
  readonly prefix: string;
  /** Whether the site imports routers through a path alias (then ours is imported the same way). */
  readonly aliasImports: boolean;
  /** The extension the site's relative imports end with. */
  readonly importExtension: '' | '.js';
  /** Set when the site registers its routers from an array (`file` is then the array's file): the new router joins it. */
  readonly array?: ArraySlot;
}

/** The existing feature a new one is modelled on, with the evidence it was read from. */
export interface Neighbour {
  readonly mount: RouterMount;
  readonly pattern: NamePattern;
  /** The neighbour's folder is named after it (`src/api/user/`): a feature folder, spelled this way. */
  readonly featureFolder?: NamePattern;
  readonly testFile?: string;
}

/** How an Express project is laid out for the resource being generated, learned from its AST. */
export interface ExpressLayout {
  readonly app: ExpressApp;
  readonly site: RegistrationSite;
  /** What the neighbour's mount path puts before its resource (`/v1` in `app.use('/v1/accounts', …)`). */
  readonly mountPrefix: string;
  readonly neighbour?: Neighbour;
  readonly paths: ResourcePaths;
  /** The exported router variable (`gadgetRouter` beside `userRouter`; else `gadgetsRouter`). */
  readonly routerExport: string;
  /** The module specifier tests import the app through when neighbours use an alias (`@/server`). */
  readonly testAppSpecifier?: string;
  /** Facts and where they were read (`src/server.ts:31 app.use("/users", userRouter)`). */
  readonly evidence: readonly string[];
  /** What the review should say about the registration: route loops that could not be read, and why. */
  readonly notes: readonly string[];
}

interface Leaf {
  readonly mount: RouterMount;
  readonly site: RegistrationSite;
}

function siteOf(mount: { file: string; on: string }, prefix: string, mounts: readonly RouterMount[], fallbackExt: '' | '.js', array?: ArraySlot): RegistrationSite {
  const relative = mounts.filter((m) => m.specifier.startsWith('.'));
  const importExtension = relative.length === 0 ? fallbackExt : relative.every((m) => m.specifier.endsWith('.js')) ? '.js' : '';
  return { file: array?.file ?? mount.file, on: mount.on, prefix, aliasImports: mounts.length > 0 && relative.length === 0, importExtension, ...(array ? { array } : {}) };
}

/** A file's routers as leaves: those its own `use` calls mount, then those it registers from arrays (each array its own site). */
function fileLeaves(project: Project, ctx: GenerationContext, resolver: ModuleResolver, file: SourceFile, at: { path: string; on: string; prefix: string }, container: StatementedNode, notes: string[]): { leaves: Leaf[]; site: RegistrationSite; count: number; unreadable: boolean } {
  const ext = ctx.input.options.importExtension;
  const direct = routerMounts(file, at.path, at.on, resolver, container);
  const site = siteOf({ file: at.path, on: at.on }, at.prefix, direct, ext);
  const arrays = arrayMounts(project, ctx.input.files, file, at.path, at.on, resolver, container);
  const unreadable = [...arrays.notes, ...inlineArrayNotes(file, at.path, at.on, container)];
  notes.push(...unreadable);
  const leaves: Leaf[] = direct.filter((m) => m.path !== undefined).map((mount) => ({ mount, site }));
  for (const mount of arrays.mounts) {
    const same = arrays.mounts.filter((m) => m.array.file === mount.array.file && m.array.name === mount.array.name);
    leaves.push({ mount, site: siteOf({ file: at.path, on: at.on }, at.prefix, same, ext, mount.array) });
  }
  return { leaves, site, count: leaves.length, unreadable: unreadable.length > 0 };
}

/**
 * The app's mounted routers, one level of index routers expanded (`app.use('/api/v1', api)` → api's
 * mounts). An index router that mounts its routers in a way that cannot be read (a list in one `use`
 * call, a loop over routers that carry their own paths) is no neighbour: it becomes the fallback site.
 */
function leafMounts(project: Project, ctx: GenerationContext, resolver: ModuleResolver, app: ExpressApp, appFile: SourceFile, notes: string[]): { leaves: Leaf[]; appSite: RegistrationSite; indexSite?: RegistrationSite } {
  const top = fileLeaves(project, ctx, resolver, appFile, { path: app.path, on: app.localName, prefix: '' }, appStatements(appFile, app), notes);
  const leaves: Leaf[] = [];
  let indexSite: RegistrationSite | undefined;
  for (const leaf of top.leaves) {
    const { mount } = leaf;
    const file = parseProjectFile(project, ctx.input.files, mount.target);
    const router = file ? routerVariable(file) : undefined;
    const inner = file && router ? fileLeaves(project, ctx, resolver, file, { path: mount.target, on: router.name, prefix: mount.path === '/' ? '' : mount.path! }, file, notes) : undefined;
    if (inner && inner.count === 0 && inner.unreadable) {
      indexSite ??= inner.site;
      continue;
    }
    leaves.push(...(inner && inner.count > 0 ? inner.leaves : [leaf]));
  }
  return { leaves, appSite: top.site, ...(indexSite ? { indexSite } : {}) };
}

function baseName(file: string): string {
  return posix.basename(file).replace(/\.tsx?$/, '');
}

/** The sibling module the neighbour router imports its zod schemas from (`userModel.ts`), if any. */
function schemaSibling(project: Project, ctx: GenerationContext, resolver: ModuleResolver, router: SourceFile, routerPath: string): string | undefined {
  for (const decl of router.getImportDeclarations()) {
    const target = resolver.resolve(routerPath, decl.getModuleSpecifierValue());
    if (target && target !== routerPath && posix.dirname(target) === posix.dirname(routerPath)) {
      const file = parseProjectFile(project, ctx.input.files, target);
      if (file?.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === 'zod')) {
        return target;
      }
    }
  }
  return undefined;
}

/** The resource's own router when it is mounted already (a second spec on it), else the last router named after its path. */
function pickNeighbour(ctx: GenerationContext, leaves: readonly Leaf[]): { leaf: Leaf; neighbour: Neighbour } | undefined {
  const own = leaves.filter((l) => l.mount.path !== undefined && l.mount.path.endsWith(expressPath(ctx.names.basePath)));
  for (const leaf of [...own, ...[...leaves].reverse()]) {
    const segment = lastSegment(leaf.mount.path ?? '');
    const base = baseName(leaf.mount.target);
    const named = base === 'index' ? posix.basename(posix.dirname(leaf.mount.target)) : base;
    const pattern = segment === undefined ? undefined : namePattern(named, segment);
    if (pattern && segment !== undefined) {
      const folder = posix.basename(posix.dirname(leaf.mount.target));
      const folderPattern = base === 'index' ? undefined : namePattern(folder, segment);
      const featureFolder = folderPattern?.token === folder ? folderPattern : undefined;
      const testFile = neighbourTest(ctx.input.files, leaf.mount.target);
      return { leaf, neighbour: { mount: leaf.mount, pattern, ...(featureFolder ? { featureFolder } : {}), ...(testFile ? { testFile } : {}) } };
    }
  }
  return undefined;
}

function renamed(file: string, dir: string, pattern: NamePattern, ctx: GenerationContext): string {
  const base = posix.basename(file);
  return posix.join(dir, renameLike(base, pattern, ctx.names) ?? base);
}

/**
 * Reads the app file and the routers it mounts (following imports through relative paths and tsconfig
 * aliases) and decides where the resource's files go: beside the nearest existing feature, named like
 * it, registered where it is registered. Without a neighbour the generic layout (`src/routes/…`) stays.
 * Throws a RoutecraftError when the app file has no exported Express app.
 */
export function readExpressLayout(ctx: GenerationContext): ExpressLayout {
  const project = createCodeProject(ctx.input.options.style);
  const resolver = createModuleResolver(ctx.input.files);
  const appPath = appFilePath(ctx);
  const appFile = parseProjectFile(project, ctx.input.files, appPath) ?? project.createSourceFile(`/__scan__/${appPath}`, '', { overwrite: true });
  const app = findExpressAppOrThrow(ctx, appFile);
  const notes: string[] = [];
  const { leaves, appSite, indexSite } = leafMounts(project, ctx, resolver, app, appFile, notes);
  const defaults = { app, site: indexSite ?? appSite, mountPrefix: '', paths: ctx.paths, routerExport: `${ctx.names.plural}Router`, notes };
  const picked = pickNeighbour(ctx, leaves);
  if (!picked) {
    return { ...defaults, evidence: [`${app.path}: no mounted router named after its path, so the generic layout is used`] };
  }
  const { leaf, neighbour } = picked;
  const { pattern } = neighbour;
  const nDir = posix.dirname(neighbour.mount.target);
  const dir = neighbour.featureFolder ? posix.join(posix.dirname(nDir), spell(neighbour.featureFolder, ctx.names)) : nDir;
  const routerFile = parseProjectFile(project, ctx.input.files, neighbour.mount.target);
  const schemas = routerFile ? schemaSibling(project, ctx, resolver, routerFile, neighbour.mount.target) : undefined;
  const nRepository = `${nDir}/${pattern.token}Repository.ts`;
  const paths: ResourcePaths = {
    ...ctx.paths,
    router: renamed(neighbour.mount.target, dir, pattern, ctx),
    ...(schemas ? { schemas: renamed(schemas, dir, pattern, ctx) } : neighbour.featureFolder ? { schemas: posix.join(dir, `${spell(pattern, ctx.names)}Schemas.ts`) } : {}),
    ...(neighbour.featureFolder || ctx.input.files.exists(nRepository) ? { repository: renamed(nRepository, dir, pattern, ctx) } : {}),
    ...(neighbour.testFile ? { test: renamed(neighbour.testFile, posix.join(dir, posix.relative(nDir, posix.dirname(neighbour.testFile))), pattern, ctx) } : {}),
  };
  const exported = neighbour.mount.isDefaultImport ? undefined : neighbour.mount.identifier;
  const routerExport = exported !== undefined ? renameLike(exported, pattern, ctx.names) ?? defaults.routerExport : defaults.routerExport;
  const testAppSpecifier = neighbour.testFile ? aliasAppImport(project, ctx, resolver, neighbour.testFile, app.path) : undefined;
  const mount = neighbour.mount;
  const own = mount.path !== undefined && mount.path.endsWith(expressPath(ctx.names.basePath));
  const segment = lastSegment(mount.path ?? '') ?? '';
  const at = (mount.path ?? '').lastIndexOf(`/${segment}`);
  const mountPrefix = own ? (mount.path ?? '').slice(0, (mount.path ?? '').length - expressPath(ctx.names.basePath).length) : at > 0 && !(mount.path ?? '').slice(0, at).includes(':') ? (mount.path ?? '').slice(0, at) : '';
  return {
    app, site: leaf.site, mountPrefix, neighbour, paths, routerExport, notes,
    ...(testAppSpecifier ? { testAppSpecifier } : {}),
    evidence: [
      `${mount.file}:${String(mount.line)} ${leaf.site.array ? `${leaf.site.array.name}[] ` : ''}${mount.on}.use(${JSON.stringify(mount.path)}, ${mount.identifier}) → ${mount.target}${neighbour.featureFolder ? ' (a feature folder)' : ''}`,
      ...(neighbour.testFile ? [`tests beside it: ${neighbour.testFile}`] : []),
      ...(schemas ? [`its schemas: ${schemas}`] : []),
    ],
  };
}

/** The specifier the neighbour's test imports the app through, when it is an alias (`@/server`). */
function aliasAppImport(project: Project, ctx: GenerationContext, resolver: ModuleResolver, testFile: string, appPath: string): string | undefined {
  const file = parseProjectFile(project, ctx.input.files, testFile);
  const decl = file?.getImportDeclarations().find((d) => !d.getModuleSpecifierValue().startsWith('.') && resolver.resolve(testFile, d.getModuleSpecifierValue()) === appPath);
  return decl?.getModuleSpecifierValue();
}

/** How the registration site imports the new router: through the alias when its neighbours are, else relatively. */
export function routerSpecifier(layout: ExpressLayout, ctx: GenerationContext): string {
  const resolver = createModuleResolver(ctx.input.files);
  const alias = layout.site.aliasImports ? resolver.aliasFor(layout.paths.router) : undefined;
  return alias ?? relativeModule(layout.site.file, layout.paths.router, layout.site.importExtension);
}

