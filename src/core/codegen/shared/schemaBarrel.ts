import { posix } from 'node:path';
import type { GeneratedFile } from '../types';
import { stringLiteral } from './literal';
import type { GenerationContext } from './generationContext';
import { finishFile, openFile } from './sourceFiles';

/**
 * Re-exports the schemas file from the index of its folder (`export * from "./gadgets";` in
 * `schemas/index.ts`), as the project's modules do: creates the index, or adds the line to an existing
 * one. Undefined when it re-exports the file already.
 */
export function buildSchemaBarrel(ctx: GenerationContext, indexPath: string, schemasPath: string): GeneratedFile | undefined {
  const open = openFile(ctx, indexPath);
  const stem = `./${posix.relative(posix.dirname(indexPath), schemasPath).replace(/\.[cm]?tsx?$/, '')}`;
  const exported = open.file.getExportDeclarations().some((d) => d.getModuleSpecifierValue()?.replace(/\.[cm]?js$/, '') === stem);
  if (exported) {
    return undefined;
  }
  const { style, importExtension } = ctx.input.options;
  open.file.addStatements(`export * from ${stringLiteral(`${stem}${importExtension}`, style)}${style.semicolons ? ';' : ''}`);
  return finishFile(ctx, open, true, open.before === undefined);
}
