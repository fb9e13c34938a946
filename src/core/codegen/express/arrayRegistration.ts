import { Node } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, matchImportSemicolons } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { appendElementLike, arrayLiteralOf, readElement } from '../shared/routeArrays';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import type { ArraySlot } from './arrayMounts';
import { routerSpecifier, type ExpressLayout } from './expressLayout';
import { renameLike } from './neighbourNaming';

/** The name the array's file gives the new router: the neighbour's import renamed (`userRoute` → `gadgetRoute`) when it is a default import, else the router's export. */
export function arrayRouterName(ctx: GenerationContext, layout: ExpressLayout): string {
  const neighbour = layout.neighbour;
  if (neighbour?.mount.isDefaultImport === true) {
    return renameLike(neighbour.mount.identifier, neighbour.pattern, ctx.names) ?? layout.routerExport;
  }
  return layout.routerExport;
}

/**
 * Adds the new router to the array the project registers its routers from, shaped like the last
 * element (`{ path: '/gadgets', route: gadgetRoute }`), and imports it like the neighbours. Undefined
 * when the router is in the array already (nothing is registered twice) or when the last element has
 * another shape (the caller then mounts it with its own `use` call).
 */
export function buildArrayRegistration(ctx: GenerationContext, layout: ExpressLayout, slot: ArraySlot, path: string): GeneratedFile | 'unreadable' | undefined {
  const open = openFile(ctx, slot.file);
  const array = arrayLiteralOf(open.file, slot.name);
  if (!array) {
    return 'unreadable';
  }
  const name = arrayRouterName(ctx, layout);
  const specifier = routerSpecifier(layout, ctx);
  const present = array.getElements().some((e) => {
    const router = readElement(e, slot.router);
    return router !== undefined && Node.isIdentifier(router) && router.getText() === name;
  });
  const imported = open.file.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === specifier);
  if (present && imported) {
    return undefined;
  }
  const style = ctx.input.options.style;
  if (!present && !appendElementLike(array, [{ access: slot.path, text: stringLiteral(path, style) }, { access: slot.router, text: name }])) {
    return 'unreadable';
  }
  ensureImport(open.file, layout.neighbour?.mount.isDefaultImport === true ? { moduleSpecifier: specifier, defaultName: name } : { moduleSpecifier: specifier, named: [{ name }] });
  matchImportSemicolons(open.file, style.semicolons);
  return finishFile(ctx, open, true, false);
}

/** The review's note when the new router joins a routes array: which array, the element, and the URL the loop serves it at. */
export function arrayRegistrationNotes(ctx: GenerationContext, layout: ExpressLayout): string[] {
  const slot = layout.site.array;
  const neighbour = layout.neighbour;
  if (!slot || !neighbour) {
    return [];
  }
  return [`Registered like ${neighbour.mount.identifier} (${neighbour.mount.file}:${String(neighbour.mount.line)}): ${arrayRouterName(ctx, layout)} joins the array \`${slot.name}\` in ${slot.file}, which ${layout.site.on}.use mounts${layout.site.prefix === '' ? '' : ` under ${layout.site.prefix}`}; the tests request ${ctx.names.basePath}.`];
}
