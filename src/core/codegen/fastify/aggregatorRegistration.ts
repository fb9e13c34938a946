import { posix } from 'node:path';
import type { SourceFile } from 'ts-morph';
import { formatFragment } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { matchImportSemicolons } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { moduleSpecifierLike } from '../shared/projectModules';
import type { AggregatorPlugin, SiblingPlugin } from './aggregatorPlugin';
import { pluginName } from './pluginParts';
import { pluginFunction, registerCalls } from './pluginRegistrations';

/** The sibling's feature name as its file spells it: the prefix's last segment, or the plugin's name without `Routes`. */
export function featureKeys(sibling: SiblingPlugin): string[] {
  const segment = sibling.prefix.split('/').filter((s) => s !== '').at(-1);
  const stem = sibling.name.replace(/(?:Routes?|Router|Plugin)$/, '');
  return [segment, stem].filter((k): k is string => k !== undefined && k !== '');
}

/**
 * Where a sibling's file says a feature's routes live, for the feature `name`:
 * `src/modules/auth/auth.routes.ts` → `src/modules/<name>/<name>.routes.ts`,
 * `src/modules/auth/routes.ts` → `src/modules/<name>/routes.ts`, `src/routes/auth.ts` → `src/routes/<name>.ts`.
 */
function pathLike(sibling: SiblingPlugin, name: string): string | undefined {
  const dir = posix.dirname(sibling.file);
  const folder = posix.basename(dir);
  const base = posix.basename(sibling.file);
  for (const key of featureKeys(sibling)) {
    const renamed = base.startsWith(key) && /^[.\-_]/.test(base.slice(key.length)) ? `${name}${base.slice(key.length)}` : undefined;
    if (folder === key) {
      return posix.join(posix.dirname(dir), name, renamed ?? base);
    }
    if (renamed !== undefined) {
      return posix.join(dir, renamed);
    }
  }
  return undefined;
}

/** The new routes module beside its siblings, named like the nearest one (the last registered that shows a pattern). */
export function siblingRouterPath(ctx: GenerationContext, aggregator: AggregatorPlugin): string | undefined {
  const candidates = aggregator.siblings.map((s) => pathLike(s, ctx.names.kebabPlural)).filter((p): p is string => p !== undefined);
  return candidates.at(-1);
}

/** Whether `values` are in ascending order (at least two of them, so the order is a convention). */
function sorted(values: readonly string[]): boolean {
  return values.length >= 2 && values.every((v, i) => i === 0 || values[i - 1]!.localeCompare(v) <= 0);
}

/** Adds the import beside the siblings' imports: in order when they are sorted by module, else after the last of them. */
function addImport(file: SourceFile, aggregator: AggregatorPlugin, specifier: string, name: string, exportDefault: boolean): void {
  const specifiers = new Set(aggregator.siblings.map((s) => s.importSpecifier).filter((s): s is string => s !== undefined));
  const decls = file.getImportDeclarations().filter((d) => specifiers.has(d.getModuleSpecifierValue()));
  const structure = exportDefault ? { moduleSpecifier: specifier, defaultImport: name } : { moduleSpecifier: specifier, namedImports: [{ name }] };
  const last = decls.at(-1);
  if (!last) {
    file.addImportDeclaration(structure);
    return;
  }
  const after = sorted(decls.map((d) => d.getModuleSpecifierValue())) ? decls.find((d) => d.getModuleSpecifierValue().localeCompare(specifier) > 0) : undefined;
  file.insertImportDeclaration(after ? after.getChildIndex() : last.getChildIndex() + 1, structure);
}

/**
 * Registers the resource's plugin in the aggregator plugin, beside its siblings and in their style:
 * the same `await` (or none), the same other options, imported the way they are (path alias or
 * relative, named or default), in alphabetical place when the siblings are sorted by prefix, else
 * after the last of them. Undefined when it is registered there already.
 */
export function buildAggregatorRegistration(ctx: GenerationContext, aggregator: AggregatorPlugin, exportDefault: boolean): GeneratedFile | undefined {
  const open = openFile(ctx, aggregator.path);
  const fn = pluginFunction(open.file, aggregator.localName);
  const plugin = pluginName(ctx);
  if (!fn) {
    return undefined;
  }
  const calls = registerCalls(fn.body.getStatements(), fn.receiver);
  if (calls.some((c) => c.plugin === plugin)) {
    return undefined;
  }
  const style = ctx.input.options.style;
  const nearest = aggregator.siblings.at(-1)!;
  const siblingCalls = calls.filter((c) => aggregator.siblings.some((s) => s.name === c.plugin));
  const specifier = moduleSpecifierLike(ctx, aggregator.path, ctx.paths.router, nearest.importSpecifier);
  addImport(open.file, aggregator, specifier, plugin, exportDefault);
  matchImportSemicolons(open.file, style.semicolons);
  // Options every sibling passes alike (`logLevel: 'warn'`) are passed too; the rest is the sibling's own.
  const shared = nearest.otherOptions.filter((o) => aggregator.siblings.every((s) => s.otherOptions.includes(o)));
  const options = [`prefix: ${stringLiteral(ctx.names.basePath, style)}`, ...shared].join(', ');
  const text = `${aggregator.siblings.some((s) => s.awaited) ? 'await ' : ''}${fn.receiver}.register(${plugin}, { ${options} });`;
  const byPrefix = sorted(siblingCalls.map((c) => c.prefix ?? ''));
  const before = byPrefix ? siblingCalls.find((c) => (c.prefix ?? '').localeCompare(ctx.names.basePath) > 0) : undefined;
  const fresh = registerCalls(fn.body.getStatements(), fn.receiver).filter((c) => aggregator.siblings.some((s) => s.name === c.plugin));
  const anchor = before ? fresh.find((c) => c.plugin === before.plugin)!.statement.getChildIndex() : fresh.at(-1)!.statement.getChildIndex() + 1;
  fn.body.insertStatements(anchor, formatFragment(ctx.project, text, style));
  return finishFile(ctx, open, true, false);
}
