import type { SourceFile } from 'ts-morph';
import type { GeneratedFile } from '../types';
import { formatSourceFile } from './codeStyle';
import type { GenerationContext } from './generationContext';

/** A project file opened for editing (created empty when it does not exist yet). */
export interface OpenFile {
  readonly path: string;
  readonly before: string | undefined;
  readonly file: SourceFile;
}

/** Opens `path` from the project (or an empty file) in the context's in-memory ts-morph project. */
export function openFile(ctx: GenerationContext, path: string): OpenFile {
  const before = ctx.input.files.read(path);
  const file = ctx.project.createSourceFile(`/${path}`, before ?? '', { overwrite: true });
  return { path, before, file };
}

/**
 * The GeneratedFile for an opened file, or undefined when nothing changed. `format` runs the
 * formatter over the whole file: only for files Routecraft owns, and only when it changed them.
 */
export function finishFile(ctx: GenerationContext, open: OpenFile, changed: boolean, format: boolean): GeneratedFile | undefined {
  if (!changed) {
    return undefined;
  }
  if (format) {
    formatSourceFile(open.file, ctx.input.options.style);
  }
  const after = open.file.getFullText();
  return after === open.before ? undefined : { path: open.path, before: open.before, after };
}
