import { posix } from 'node:path';
import { Node, ts, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import type { FeatureLayout } from './featureLayout';
import { resolveProjectModule, scanFile } from '../shared/projectModules';

/** How the project's OpenAPIHono routers answer a request that fails validation. */
export interface ValidationAnswer {
  readonly status: number;
  /** Where the status was read: `stoker/openapi defaultHook`, `src/lib/hook.ts`, or the library default. */
  readonly evidence: string;
}

const STATUS_NAMES: Readonly<Record<string, number>> = { BAD_REQUEST: 400, UNPROCESSABLE_ENTITY: 422, UNPROCESSABLE_CONTENT: 422 };

/** The status a hook's source answers with: `c.json(x, 422)` or `c.json(x, HttpStatusCodes.UNPROCESSABLE_ENTITY)`. */
function statusIn(text: string): number | undefined {
  const numeric = /\.json\(\s*[\s\S]{0,400}?,\s*(4\d\d)\s*,?\s*\)/.exec(text)?.[1];
  if (numeric !== undefined) {
    return Number(numeric);
  }
  const named = /\.json\(\s*[\s\S]{0,400}?,\s*(?:[\w$]+\.)?([A-Z_]+)\s*,?\s*\)/.exec(text)?.[1];
  return named === undefined ? undefined : STATUS_NAMES[named];
}

/** Reads a package module (`stoker/openapi`) from node_modules, following relative re-exports of `name`. */
function packageStatus(ctx: GenerationContext, specifier: string, name: string): number | undefined {
  const parts = specifier.split('/');
  const pkgName = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const sub = specifier.slice(pkgName.length);
  const pkgText = ctx.input.files.read(`node_modules/${pkgName}/package.json`);
  if (pkgText === undefined) {
    return undefined;
  }
  const pkg = JSON.parse(pkgText) as { exports?: Record<string, unknown>; module?: string; main?: string };
  const entry = pkg.exports?.[`.${sub}`];
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') {
      return value;
    }
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      return pick(record.import) ?? pick(record.default) ?? pick(record.require);
    }
    return undefined;
  };
  const start = pick(entry) ?? (sub === '' ? pkg.module ?? pkg.main : undefined);
  let file = start === undefined ? undefined : posix.join('node_modules', pkgName, start);
  for (let depth = 0; file !== undefined && depth < 4; depth++) {
    const text = ctx.input.files.read(file) ?? '';
    const status = new RegExp(`\\b${name}\\b`).test(text) && /\.json\(/.test(text) ? statusIn(text) : undefined;
    if (status !== undefined) {
      return status;
    }
    const next = new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"](\\.[^'"]+)['"]`).exec(text)?.[1]
      ?? /export\s*\{\s*default\b[^}]*\}\s*from\s*['"](\.[^'"]+)['"]/.exec(text)?.[1];
    file = next === undefined ? undefined : posix.join(posix.dirname(file), next);
  }
  return undefined;
}

function hookStatus(ctx: GenerationContext, path: string, file: SourceFile, hook: string): ValidationAnswer | undefined {
  const local = file.getFunction(hook) ?? file.getVariableDeclaration(hook);
  if (local) {
    const status = statusIn(local.getText());
    return status === undefined ? undefined : { status, evidence: `${path} (${hook})` };
  }
  for (const decl of file.getImportDeclarations()) {
    const named = decl.getNamedImports().find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === hook);
    const isDefault = decl.getDefaultImport()?.getText() === hook;
    if (!named && !isDefault) {
      continue;
    }
    const specifier = decl.getModuleSpecifierValue();
    const target = resolveProjectModule(ctx, path, specifier);
    const exported = named?.getName() ?? 'default';
    if (target) {
      const scanned = scanFile(ctx, target);
      const fn = exported === 'default' ? scanned?.file.getDefaultExportSymbol()?.getDeclarations()[0] : scanned?.file.getFunction(exported) ?? scanned?.file.getVariableDeclaration(exported);
      const status = fn ? statusIn(fn.getText()) : undefined;
      return status === undefined ? undefined : { status, evidence: `${target} (${exported})` };
    }
    const status = packageStatus(ctx, specifier, exported);
    return status === undefined ? undefined : { status, evidence: `${specifier} ${exported}` };
  }
  return undefined;
}

/**
 * The answer to invalid input, read where the neighbour's router is created: the `defaultHook`
 * passed to `new OpenAPIHono({ defaultHook })` (in the project or a package such as stoker), else
 * @hono/zod-openapi's own 400. Undefined when a hook is set but its status cannot be read.
 */
export function readValidationAnswer(ctx: GenerationContext, layout: FeatureLayout): ValidationAnswer | undefined {
  const source = layout.routerIsClass ? layout.neighbour.path : layout.routerFactory.path;
  const scanned = source === undefined ? undefined : scanFile(ctx, source);
  if (!scanned) {
    return undefined;
  }
  const creation = scanned.file.getDescendantsOfKind(ts.SyntaxKind.NewExpression).find((n) => /OpenAPIHono$/.test(n.getExpression().getText()));
  const options = creation?.getArguments()[0];
  const hook = options && Node.isObjectLiteralExpression(options) ? options.getProperty('defaultHook') : undefined;
  if (!hook) {
    return { status: 400, evidence: '@hono/zod-openapi (no defaultHook)' };
  }
  const name = Node.isShorthandPropertyAssignment(hook) ? hook.getName() : Node.isPropertyAssignment(hook) ? hook.getInitializer()?.getText() : undefined;
  return name !== undefined && /^[\w$]+$/.test(name) ? hookStatus(ctx, scanned.path, scanned.file, name) : undefined;
}
