import type { FailingCase } from '../shared/failingCases';
import { relativeModule, type ImportSpec } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { HttpTestDriver, SuiteSetup } from '../shared/testWriters/httpTestDriver';
import type { RunnerStyle } from '../shared/testWriters/runnerStyle';
import type { CodeStyle } from '../types';
import type { TestHelper } from './testBoot';

/** How a generated suite gets its app. */
export type SuiteApp =
  /** The project's own helper builds the whole app (`app = await build()`). */
  | { readonly kind: 'helper'; readonly helper: TestHelper }
  /**
   * A bare `Fastify()` with only the new plugin (and `@fastify/swagger` when the project documents
   * its routes): for apps whose boot needs a database or other service.
   */
  | {
      readonly kind: 'bare';
      readonly plugin: { readonly path: string; readonly name: string; readonly exportDefault: boolean };
      readonly prefix: string;
      readonly swagger: boolean;
      /**
       * The module whose `validatorCompiler` and `serializerCompiler` the app sets
       * (fastify-type-provider-zod): the bare app sets them too, or Fastify could not compile the
       * route schemas.
       */
      readonly compilers?: string;
    };

interface DriverOptions {
  readonly importExtension: '' | '.js';
  readonly style: CodeStyle;
  /**
   * Route schemas checked inside Fastify, whose 400 body is Fastify's (`message` naming the field):
   * `ajv` — Fastify's own validator, which coerces; `zod` — fastify-type-provider-zod's compiler,
   * which does not (every failing case is a 400); `false` — the handler validates (safeParse).
   */
  readonly fastifyValidates: false | 'ajv' | 'zod';
  /** Why the suite boots a bare Fastify (`src/plugins/db.ts:1 imports knex`), written above it. */
  readonly note?: string;
}

function setup(app: SuiteApp, style: CodeStyle, note: string | undefined): SuiteSetup {
  const q = (s: string): string => stringLiteral(s, style);
  if (app.kind === 'helper') {
    return { declarations: ['let app: FastifyInstance;'], before: [`app = await ${app.helper.exportName}();`], after: ['await app.close();'] };
  }
  return {
    declarations: ['let app: FastifyInstance;'],
    before: [
      `// Only this plugin is booted: ${note === undefined ? 'the project has no test helper that builds the app' : `the app needs a service to boot (${note})`}.`,
      'app = Fastify();',
      ...(app.compilers !== undefined ? ['app.setValidatorCompiler(validatorCompiler);', 'app.setSerializerCompiler(serializerCompiler);'] : []),
      ...(app.swagger ? [`await app.register(swagger, { openapi: { info: { title: ${q('test')}, version: ${q('0.0.0')} } } });`] : []),
      `await app.register(${app.plugin.name}, { prefix: ${q(app.prefix)} });`,
      'await app.ready();',
    ],
    after: ['await app.close();'],
  };
}

function imports(app: SuiteApp, testFile: string, ext: '' | '.js'): ImportSpec[] {
  if (app.kind === 'helper') {
    return [
      { moduleSpecifier: 'fastify', named: [{ name: 'FastifyInstance', typeOnly: true }] },
      { moduleSpecifier: relativeModule(testFile, app.helper.path, ext), named: [{ name: app.helper.exportName }] },
    ];
  }
  const plugin = relativeModule(testFile, app.plugin.path, ext);
  return [
    ...(app.swagger ? [{ moduleSpecifier: '@fastify/swagger', defaultName: 'swagger' }] : []),
    { moduleSpecifier: 'fastify', defaultName: 'Fastify', named: [{ name: 'FastifyInstance', typeOnly: true }] },
    ...(app.compilers !== undefined ? [{ moduleSpecifier: app.compilers, named: [{ name: 'serializerCompiler' }, { name: 'validatorCompiler' }] }] : []),
    app.plugin.exportDefault ? { moduleSpecifier: plugin, defaultName: app.plugin.name } : { moduleSpecifier: plugin, named: [{ name: app.plugin.name }] },
  ];
}

/**
 * Cases Fastify's validator (ajv with `coerceTypes: 'array'`, `removeAdditional: true`) accepts:
 * a number where a string is expected becomes that string, a single value where an array is
 * expected becomes a one-item array, an unknown property is removed. The project's other routes
 * behave the same, so no 400 test is written for them.
 */
export function ajvRejects(failing: FailingCase): boolean {
  return !/has the wrong type \((?:string|array) expected\)$|is not allowed \(unknown property\)$/.test(failing.title.replace(/ \(\d+\)$/, ''));
}

/**
 * Assertions that Fastify's 400 names the failing field in `message` (ajv: `body/price must be > 0`,
 * `body must have required property 'sku'`; fastify-type-provider-zod: `body/price Too small: …`).
 */
export function fastifyValidationIssue(res: string, issuePath: string, runner: RunnerStyle, style: CodeStyle): string[] {
  const field = issuePath.split('.').filter((s) => !/^\d+$/.test(s)).at(-1);
  if (field === undefined) {
    return [];
  }
  return [runner.equal(`String(${res}.json().message).includes(${stringLiteral(field, style)})`, 'true')];
}

/**
 * Fastify tests with `app.inject()` on the app the suite builds once: through the project's test
 * helper, or on a bare Fastify with only the new plugin when the app needs a database to boot.
 */
export function fastifyTestDriver(app: SuiteApp, options: DriverOptions): HttpTestDriver {
  const { style } = options;
  const driver: HttpTestDriver = {
    imports: (testFile) => imports(app, testFile, options.importExtension),
    send: (req) => {
      const fields = [`method: ${stringLiteral(req.method, style)}`, `url: ${req.urlWithQuery}`, ...(req.body !== undefined ? [`payload: ${req.body}`] : [])];
      return [`const ${req.res} = await app.inject({ ${fields.join(', ')} });`];
    },
    status: (res) => `${res}.statusCode`,
    body: (res) => `${res}.json()`,
    header: (res, name) => `${res}.headers.${name}`,
    suite: setup(app, style, options.note),
  };
  return options.fastifyValidates === false ? driver : withFastifyValidation(driver, style, options.fastifyValidates);
}

/**
 * A driver whose 400 tests expect Fastify's validation answer for route schemas: checked by ajv
 * (which coerces, so some cases are accepted) or by fastify-type-provider-zod (which rejects them all).
 */
export function withFastifyValidation(driver: HttpTestDriver, style: CodeStyle, validator: 'ajv' | 'zod' = 'ajv'): HttpTestDriver {
  return {
    ...driver,
    ...(validator === 'ajv' ? { rejects: ajvRejects } : {}),
    validationIssue: (res, issuePath, runner) => fastifyValidationIssue(res, issuePath, runner, style),
  };
}
