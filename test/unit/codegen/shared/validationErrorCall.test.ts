import assert from 'node:assert/strict';
import { Project } from 'ts-morph';
import { expressGenerator } from '../../../../src/core/codegen/express/expressGenerator';
import { validationErrorCall } from '../../../../src/core/codegen/shared/validationErrorFile';
import type { CodegenOptions, ProjectFiles } from '../../../../src/core/codegen/types';
import { productsCrud } from '../../../generation/generationSpecs';

// zod 3.21's result types (express-notes-alias in the corpus pins it): the success type has no
// `error` key; 3.22+ and 4 add `error?: never`, which hid the problem everywhere else.
const ZOD_3_21 = `
interface ZodError { issues: { message: string }[] }
type SafeParseSuccess<T> = { success: true; data: T };
type SafeParseError = { success: false; error: ZodError };
type SafeParseReturnType<T> = SafeParseSuccess<T> | SafeParseError;
declare function toValidationError(...errors: (ZodError | undefined)[]): unknown;
declare const paramsResult: SafeParseReturnType<{ id: string }>;
declare const bodyResult: SafeParseReturnType<{ name: string }>;
`;

function errorsOf(call: string, condition: string): string[] {
  // No lib files (fast): the file's own semantic diagnostics leave the missing global types out.
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { strict: true, noEmit: true } });
  const file = project.createSourceFile('x.ts', `${ZOD_3_21}\nif (${condition}) {\n  ${call};\n}\n`);
  return project.getProgram().getSemanticDiagnostics(file).map((d) => `TS${d.getCode()}`);
}

describe('codegen: the 400 body from several safeParse results', () => {
  it('reads each error behind its own success test when no part is narrowed (zod 3.21 has no error key on success)', () => {
    const several = validationErrorCall(['params', 'body']);
    assert.equal(several, 'toValidationError(paramsResult.success ? undefined : paramsResult.error, bodyResult.success ? undefined : bodyResult.error)');
    assert.deepEqual(errorsOf(several, '!paramsResult.success || !bodyResult.success'), []);
    // What was generated before: refused on that project with TS2339 twice.
    assert.deepEqual(errorsOf('toValidationError(paramsResult.error, bodyResult.error)', '!paramsResult.success || !bodyResult.success'), ['TS2339', 'TS2339']);
    const one = validationErrorCall(['body']);
    assert.equal(one, 'toValidationError(bodyResult.error)', 'one part is narrowed by the if: the short form');
    assert.deepEqual(errorsOf(one, '!bodyResult.success'), []);
  });

  it('the express generator uses it for a route with params and a body', () => {
    const options: CodegenOptions = {
      framework: 'express', frameworkMajor: 4, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 3,
      style: { quote: 'double', semicolons: true, indent: '  ', trailingComma: true },
      layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: '__tests__', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
    };
    const files: ProjectFiles = { read: (p) => (p === 'src/app.ts' ? 'import express from "express";\n\nexport const app = express();\n' : undefined), exists: (p) => p === 'src/app.ts' };
    const router = expressGenerator.generate({ spec: productsCrud.spec, options, files, handlerBodies: {} }).find((f) => f.path.startsWith('src/routes/'))?.after ?? '';
    assert.match(router, /toValidationError\(paramsResult\.success \? undefined : paramsResult\.error, bodyResult\.success \? undefined : bodyResult\.error\)/);
  });
});
