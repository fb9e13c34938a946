import { Node, type ClassDeclaration, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { RoutecraftError } from '../../errors';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, matchImportSemicolons, relativeModule } from '../shared/imports';
import { repositoryNames } from '../shared/repositoryFile';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import type { NestLayout } from './nestLayout';
import { collapseEmptyBlocks } from './tidy';

/** The first class decorated with `@Module(...)` in a file. */
export function findModuleClass(file: SourceFile): ClassDeclaration | undefined {
  return file.getClasses().find((c) => c.getDecorator('Module') !== undefined);
}

/** The object literal passed to `@Module(...)`, created when the decorator has none. */
function moduleMetadata(cls: ClassDeclaration): ObjectLiteralExpression | undefined {
  const decorator = cls.getDecoratorOrThrow('Module');
  let arg = decorator.getArguments()[0];
  if (!arg) {
    decorator.addArgument('{}');
    arg = decorator.getArguments()[0];
  }
  return arg && Node.isObjectLiteralExpression(arg) ? arg : undefined;
}

/** Adds `element` to the metadata array `key` unless an element matching `present` (default: same name) is there. */
function ensureArrayElement(meta: ObjectLiteralExpression, key: string, element: string, present: (text: string) => boolean = (text) => text.trim() === element): boolean {
  const prop = meta.getProperty(key);
  if (!prop) {
    meta.addPropertyAssignment({ name: key, initializer: `[${element}]` });
    return true;
  }
  const init = Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
  if (!init || !Node.isArrayLiteralExpression(init)) {
    return false;
  }
  if (init.getElements().some((e) => present(e.getText()))) {
    return false;
  }
  init.addElement(element);
  return true;
}

/**
 * The feature module (`products.module.ts`): the controller, the service and, for CRUD, the
 * in-memory repository bound to its token. An existing module gets only what it lacks.
 */
export function buildFeatureModuleFile(ctx: GenerationContext, layout: NestLayout): GeneratedFile | undefined {
  const open = openFile(ctx, layout.moduleFile);
  const { file } = open;
  const ext = ctx.input.options.importExtension;
  const cls = findModuleClass(file) ?? file.addClass({ name: layout.moduleClass, isExported: true, decorators: [{ name: 'Module', arguments: ['{}'] }] });
  const meta = moduleMetadata(cls);
  if (!meta) {
    return undefined;
  }
  const crud = ctx.input.spec.crud !== undefined;
  const { className } = repositoryNames(ctx);
  const token = new RegExp(`\\bprovide\\s*:\\s*${layout.repositoryToken}\\b`);
  let changed = ensureArrayElement(meta, 'controllers', layout.controllerClass);
  changed = ensureArrayElement(meta, 'providers', layout.serviceClass) || changed;
  if (crud) {
    changed = ensureArrayElement(meta, 'providers', `{ provide: ${layout.repositoryToken}, useClass: ${className} }`, (text) => token.test(text)) || changed;
  }
  if (!changed) {
    return undefined;
  }
  ensureImport(file, { moduleSpecifier: '@nestjs/common', named: [{ name: 'Module' }] });
  ensureImport(file, { moduleSpecifier: relativeModule(layout.moduleFile, layout.controllerFile, ext), named: [{ name: layout.controllerClass }] });
  ensureImport(file, { moduleSpecifier: relativeModule(layout.moduleFile, layout.serviceFile, ext), named: [{ name: layout.serviceClass }, ...(crud ? [{ name: layout.repositoryToken }] : [])] });
  if (crud) {
    ensureImport(file, { moduleSpecifier: relativeModule(layout.moduleFile, layout.repositoryFile, ext), named: [{ name: className }] });
  }
  const out = finishFile(ctx, open, true, true);
  return out && { ...out, after: collapseEmptyBlocks(out.after) };
}

/**
 * Registers the feature module once in the root module's `imports` (`@Module({ imports: [...] })`);
 * the rest of the user's file is left as it is.
 */
export function buildRootModuleRegistration(ctx: GenerationContext, layout: NestLayout): GeneratedFile | undefined {
  const open = openFile(ctx, layout.rootModule);
  const root = findModuleClass(open.file);
  if (!root) {
    throw new RoutecraftError('invalid-input', `Could not find the root module (a class decorated with @Module) in ${layout.rootModule}: choose the app module file (CLI: --app-file).`);
  }
  const meta = moduleMetadata(root);
  if (!meta || !ensureArrayElement(meta, 'imports', layout.moduleClass)) {
    return undefined;
  }
  ensureImport(open.file, { moduleSpecifier: relativeModule(layout.rootModule, layout.moduleFile, ctx.input.options.importExtension), named: [{ name: layout.moduleClass }] });
  matchImportSemicolons(open.file, ctx.input.options.style.semicolons);
  return finishFile(ctx, open, true, false);
}
