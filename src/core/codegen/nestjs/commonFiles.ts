import { Scope } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { finishFile, openFile } from '../shared/sourceFiles';
import { VALIDATION_ERROR_FUNCTION } from '../shared/validationErrorFile';
import type { GeneratedFile } from '../types';
import type { NestLayout } from './nestLayout';

/** The pipe class zod-validated parameters use. */
export const ZOD_PIPE_CLASS = 'ZodValidationPipe';

const HELPERS = [
  { name: 'IsGreaterThan', param: 'limit', test: 'value > limit', message: 'must be greater than $constraint1', doc: 'exclusiveMinimum', summary: 'is greater than the limit' },
  { name: 'IsLessThan', param: 'limit', test: 'value < limit', message: 'must be less than $constraint1', doc: 'exclusiveMaximum', summary: 'is less than the limit' },
  { name: 'IsMultipleOf', param: 'step', test: 'Math.abs(value / step - Math.round(value / step)) < 1e-9', message: 'must be a multiple of $constraint1', doc: 'multipleOf', summary: 'is a multiple of the step' },
] as const;

/**
 * `src/common/json-schema.validators.ts`: class-validator decorators for the JSON Schema keywords it
 * has no exact decorator for (exclusive bounds, multipleOf). Written once per project.
 */
export function buildValidatorsFile(ctx: GenerationContext, layout: NestLayout): GeneratedFile | undefined {
  const open = openFile(ctx, layout.validatorsFile);
  const { file } = open;
  const q = (text: string): string => stringLiteral(text, ctx.input.options.style);
  let changed = ensureImport(file, { moduleSpecifier: 'class-validator', named: [{ name: 'ValidateBy' }, { name: 'buildMessage' }, { name: 'ValidationOptions', typeOnly: true }] });
  for (const h of HELPERS) {
    if (file.getFunction(h.name)) {
      continue;
    }
    file.addFunction({
      name: h.name,
      isExported: true,
      docs: [`JSON Schema \`${h.doc}\`: the value is a number that ${h.summary}.`],
      parameters: [{ name: h.param, type: 'number' }, { name: 'validationOptions', type: 'ValidationOptions', hasQuestionToken: true }],
      returnType: 'PropertyDecorator',
      statements: [
        'return ValidateBy(',
        '{',
        `name: ${q(h.name.charAt(0).toLowerCase() + h.name.slice(1))},`,
        `constraints: [${h.param}],`,
        'validator: {',
        `validate: (value: unknown) => typeof value === ${q('number')} && ${h.test},`,
        `defaultMessage: buildMessage((eachPrefix) => \`\${eachPrefix}$property ${h.message}\`, validationOptions),`,
        '},',
        '},',
        'validationOptions,',
        ');',
      ].join('\n'),
    });
    changed = true;
  }
  return finishFile(ctx, open, changed, true);
}

/**
 * `src/common/zod-validation.pipe.ts`: validates one parameter with a zod schema and answers 400
 * with the shared ValidationError body (every issue) through Nest's BadRequestException.
 */
export function buildZodPipeFile(ctx: GenerationContext, layout: NestLayout): GeneratedFile | undefined {
  const open = openFile(ctx, layout.pipeFile);
  const { file } = open;
  if (file.getClass(ZOD_PIPE_CLASS)) {
    return undefined;
  }
  ensureImport(file, { moduleSpecifier: '@nestjs/common', named: [{ name: 'BadRequestException' }, { name: 'Injectable' }, { name: 'PipeTransform', typeOnly: true }] });
  ensureImport(file, { moduleSpecifier: 'zod', named: [{ name: 'ZodType', typeOnly: true }] });
  ensureImport(file, { moduleSpecifier: relativeModule(layout.pipeFile, layout.validationErrorFile, ctx.input.options.importExtension), named: [{ name: VALIDATION_ERROR_FUNCTION }] });
  file.addClass({
    name: ZOD_PIPE_CLASS,
    isExported: true,
    decorators: [{ name: 'Injectable', arguments: [] }],
    implements: ['PipeTransform'],
    docs: ['Parses a parameter with a zod schema; a failure answers 400 listing every issue.'],
    ctors: [{ parameters: [{ name: 'schema', type: 'ZodType', scope: Scope.Private, isReadonly: true }] }],
    methods: [{
      name: 'transform',
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: 'unknown',
      statements: [
        'const result = this.schema.safeParse(value);',
        (w) => w.write('if (!result.success)').block(() => w.writeLine(`throw new BadRequestException(${VALIDATION_ERROR_FUNCTION}(result.error));`)),
        'return result.data;',
      ],
    }],
  });
  return finishFile(ctx, open, true, true);
}
