import type { GenerationContext } from '../shared/generationContext';
import type { ImportSpec } from '../shared/imports';
import { relativeModule } from '../shared/imports';
import type { NamedSchema, Operation } from '../shared/operations';
import { ZOD_PIPE_CLASS } from './commonFiles';
import { dtoClassName, dtoFilePath, type NestLayout } from './nestLayout';

/** A validated part of a request as a controller parameter and as a service argument. */
export interface NestPart {
  readonly key: 'params' | 'query' | 'body';
  /** `Param`, `Query`, `Body`. */
  readonly decorator: string;
  /** The decorator's arguments: none (global ValidationPipe) or `new ZodValidationPipe(Schema)`. */
  readonly decoratorArgs: readonly string[];
  /** The parameter's type: the DTO class or `z.infer<typeof Schema>`. */
  readonly type: string;
}

const PARTS = [
  { key: 'params', decorator: 'Param' },
  { key: 'query', decorator: 'Query' },
  { key: 'body', decorator: 'Body' },
] as const;

/** The validated parts of an operation, in params, query, body order. */
export function nestParts(ctx: GenerationContext, layout: NestLayout, op: Operation): NestPart[] {
  return PARTS.flatMap((p) => {
    const named = op[p.key];
    if (!named) {
      return [];
    }
    return layout.validation === 'zod'
      ? [{ ...p, decoratorArgs: [`new ${ZOD_PIPE_CLASS}(${named.name})`], type: `z.infer<typeof ${named.name}>` }]
      : [{ ...p, decoratorArgs: [], type: dtoClassName(ctx, named) }];
  });
}

/** The imports a file needs to name the types (and, for zod, the schemas and pipe) of these operations. */
export function partImports(ctx: GenerationContext, layout: NestLayout, fromFile: string, ops: readonly Operation[], withPipe: boolean): ImportSpec[] {
  const ext = ctx.input.options.importExtension;
  const named = [...new Map(ops.flatMap((op) => [op.params, op.query, op.body]).filter((n): n is NamedSchema => n !== undefined).map((n) => [n.name, n])).values()];
  if (named.length === 0) {
    return [];
  }
  if (layout.validation === 'zod') {
    return [
      { moduleSpecifier: 'zod', named: [{ name: 'z' }] },
      { moduleSpecifier: relativeModule(fromFile, layout.schemasFile, ext), named: named.map((n) => ({ name: n.name })) },
      ...(withPipe ? [{ moduleSpecifier: relativeModule(fromFile, layout.pipeFile, ext), named: [{ name: ZOD_PIPE_CLASS }] }] : []),
    ];
  }
  return named.map((n) => {
    const className = dtoClassName(ctx, n);
    return { moduleSpecifier: relativeModule(fromFile, dtoFilePath(layout, className), ext), named: [{ name: className }] };
  });
}
