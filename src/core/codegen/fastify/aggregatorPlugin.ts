import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { resolveProjectModule } from '../shared/projectModules';
import { appFilePath } from '../shared/projectApp';
import { findFastifyApp } from './fastifyApp';
import { bindingOf, exportedLocal, otherOptions, pluginFunction, registerCalls, type PluginFunction } from './pluginRegistrations';
import { evidence, type ProjectSources } from './projectSources';

/** A feature route plugin the aggregator registers (`app.register(authRoutes, { prefix: '/auth' })`). */
export interface SiblingPlugin {
  readonly name: string;
  readonly prefix: string;
  /** The file that defines it (the aggregator's own file for a local plugin). */
  readonly file: string;
  /** How the aggregator imports it; undefined for a plugin declared beside the aggregator. */
  readonly importSpecifier?: string;
  readonly importStyle?: 'named' | 'default';
  readonly awaited: boolean;
  /** Options other than `prefix`, as written. */
  readonly otherOptions: readonly string[];
}

/**
 * A plugin the app registers (`app.register(routes, { prefix: '/api' })`) whose body registers the
 * project's feature route plugins, each with its own prefix: new resources are registered there.
 */
export interface AggregatorPlugin {
  /** The file declaring the aggregator, relative to the root. */
  readonly path: string;
  /** Its local name in that file. */
  readonly localName: string;
  /** The prefix the app registers it with (`/api`), `''` when none. */
  readonly outerPrefix: string;
  readonly siblings: readonly SiblingPlugin[];
  /** `src/app.ts:33` (the app's registration) and `src/modules/routes.ts:5` (the aggregator). */
  readonly appEvidence: string;
  readonly evidence: string;
}

/** Whether routes are registered through an aggregator plugin; `ambiguous` keeps registering in the app, saying why. */
export type AggregatorLookup =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly aggregator: AggregatorPlugin }
  | { readonly kind: 'ambiguous'; readonly reason: string };

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'route']);

/** Whether the plugin (or, when it cannot be found, its file) declares routes (`app.get('/x', …)`, `app.route({ … })`). */
function declaresRoutes(scope: Node): boolean {
  return scope.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
    const callee = call.getExpression();
    const first = call.getArguments()[0];
    return Node.isPropertyAccessExpression(callee) && ROUTE_METHODS.has(callee.getName())
      && first !== undefined && (Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first) || Node.isObjectLiteralExpression(first));
  });
}

interface Resolved {
  readonly path: string;
  readonly file: SourceFile;
  readonly fn: PluginFunction | undefined;
  readonly localName: string | undefined;
}

/** The file and function a name registered in `fromPath` refers to (a local plugin or an import from a project file). */
function resolvePlugin(ctx: GenerationContext, sources: ProjectSources, fromPath: string, from: SourceFile, name: string): Resolved | undefined {
  const binding = bindingOf(from, name);
  if (binding?.kind === 'local') {
    return { path: fromPath, file: from, fn: pluginFunction(from, name), localName: name };
  }
  if (binding?.kind !== 'import') {
    return undefined;
  }
  const path = resolveProjectModule(ctx, fromPath, binding.specifier) ?? sources.resolve(fromPath, binding.specifier);
  const file = path === undefined ? undefined : sources.get(path);
  if (path === undefined || file === undefined) {
    return undefined;
  }
  const localName = exportedLocal(file, binding.exportName);
  return { path, file, fn: localName === undefined ? undefined : pluginFunction(file, localName), localName };
}

/** The feature plugins `fn` registers with a literal prefix, each resolved to a project file that declares routes. */
function siblingsOf(ctx: GenerationContext, sources: ProjectSources, path: string, file: SourceFile, fn: PluginFunction): SiblingPlugin[] {
  const siblings: SiblingPlugin[] = [];
  for (const call of registerCalls(fn.body.getStatements(), fn.receiver)) {
    const target = /^[\w$]+$/.test(call.plugin) && call.prefix !== undefined && call.prefix !== '' ? resolvePlugin(ctx, sources, path, file, call.plugin) : undefined;
    if (!target || !declaresRoutes(target.fn?.body ?? target.file)) {
      continue;
    }
    const binding = bindingOf(file, call.plugin);
    const imported = binding?.kind === 'import' ? { importSpecifier: binding.specifier, importStyle: binding.style } : {};
    siblings.push({ name: call.plugin, prefix: call.prefix!, file: target.path, awaited: call.awaited, otherOptions: otherOptions(call.options), ...imported });
  }
  return siblings;
}

/**
 * The aggregator plugin the app registers its features through, learned from the app file: a
 * `register` call on the app whose plugin (declared beside the app, or imported from a project file
 * through a relative path or a path alias) registers at least one route plugin of the project with a
 * `{ prefix }`, and holds at least as many of them as the app registers directly. Two such plugins,
 * one registered twice, or a prefix that is not a string literal: `ambiguous`.
 */
export function findAggregator(ctx: GenerationContext, sources: ProjectSources, plugin: string): AggregatorLookup {
  const appPath = appFilePath(ctx);
  const appFile = sources.get(appPath);
  const app = appFile ? findFastifyApp(appPath, appFile) : undefined;
  if (!app || !appFile) {
    return { kind: 'none' };
  }
  const calls = registerCalls(app.container.getStatements(), app.localName);
  if (calls.some((c) => c.plugin === plugin)) {
    // Registered in the app already (by an earlier run): keep it there.
    return { kind: 'none' };
  }
  const found: { aggregator: AggregatorPlugin; prefix: string | undefined }[] = [];
  let direct = 0;
  for (const call of calls) {
    const target = /^[\w$]+$/.test(call.plugin) ? resolvePlugin(ctx, sources, appPath, appFile, call.plugin) : undefined;
    if (!target?.fn || target.localName === undefined) {
      continue;
    }
    const siblings = siblingsOf(ctx, sources, target.path, target.file, target.fn);
    if (siblings.length > 0) {
      const aggregator = { path: target.path, localName: target.localName, outerPrefix: call.prefix ?? '', siblings, appEvidence: evidence(appPath, call.line), evidence: evidence(target.path, target.fn.line) };
      found.push({ aggregator, prefix: call.prefix });
    } else if (call.prefix !== '' && declaresRoutes(target.fn.body)) {
      direct++;
    }
  }
  const first = found[0];
  if (!first) {
    return { kind: 'none' };
  }
  const names = [...new Set(found.map((f) => `${f.aggregator.localName} (${f.aggregator.appEvidence})`))];
  if (new Set(found.map((f) => `${f.aggregator.path}#${f.aggregator.localName}`)).size > 1) {
    return { kind: 'ambiguous', reason: `the app registers several plugins that register route plugins: ${names.join(', ')}` };
  }
  if (found.length > 1) {
    return { kind: 'ambiguous', reason: `the app registers ${first.aggregator.localName} more than once (${found.map((f) => `${f.aggregator.appEvidence} prefix ${f.prefix ?? '(computed)'}`).join(', ')})` };
  }
  if (first.prefix === undefined) {
    return { kind: 'ambiguous', reason: `the prefix ${first.aggregator.localName} is registered with (${first.aggregator.appEvidence}) is not a string literal` };
  }
  if (direct > first.aggregator.siblings.length) {
    return { kind: 'none' };
  }
  return { kind: 'found', aggregator: first.aggregator };
}

/** `/api` + `/gadgets` → `/api/gadgets` (no double slash). */
export function joinPrefix(outer: string, base: string): string {
  return `${outer.replace(/\/+$/, '')}${base.startsWith('/') ? base : `/${base}`}`;
}

/** What the review says about where the routes were registered and why (nothing when there is no aggregator). */
export function aggregatorNotes(ctx: GenerationContext, lookup: AggregatorLookup, plugin: string): string[] {
  if (lookup.kind === 'ambiguous') {
    return [`${plugin} is registered in ${appFilePath(ctx)} with the prefix ${ctx.names.basePath}, not in an aggregator plugin: ${lookup.reason}. Move the registration if it belongs elsewhere.`];
  }
  if (lookup.kind === 'none') {
    return [];
  }
  const { aggregator } = lookup;
  const siblings = aggregator.siblings.map((s) => s.name).filter((n) => n !== plugin).join(', ');
  const served = joinPrefix(aggregator.outerPrefix, ctx.names.basePath);
  return [`${plugin} is registered in ${aggregator.localName} (${aggregator.evidence}) beside ${siblings === '' ? 'the feature plugins' : siblings}; the app registers ${aggregator.localName} with the prefix ${aggregator.outerPrefix === '' ? '(none)' : aggregator.outerPrefix} (${aggregator.appEvidence}), so the routes are served under ${served} and the tests request that URL.`];
}
