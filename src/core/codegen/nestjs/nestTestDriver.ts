import type { GenerationContext } from '../shared/generationContext';
import { relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { HttpTestDriver } from '../shared/tests/httpTestDriver';
import { supertestCalls } from '../shared/tests/supertestCalls';
import type { NestLayout } from './nestLayout';

/**
 * Nest's e2e style: the whole app from the root module (`Test.createTestingModule({ imports:
 * [AppModule] })`, so global pipes registered as APP_PIPE apply), built once per suite, and
 * supertest against `app.getHttpServer()`. With class-validator the 400 body is Nest's
 * `{ message: string[] }`: a failing case asserts that a message names the field.
 */
export function nestTestDriver(ctx: GenerationContext, layout: NestLayout, rootModuleClass: string): HttpTestDriver {
  const ext = ctx.input.options.importExtension;
  const driver: HttpTestDriver = {
    imports: (testFile) => [
      { moduleSpecifier: '@nestjs/common', named: [{ name: 'INestApplication', typeOnly: true }] },
      { moduleSpecifier: '@nestjs/testing', named: [{ name: 'Test' }] },
      { moduleSpecifier: 'supertest', defaultName: 'request' },
      { moduleSpecifier: relativeModule(testFile, layout.rootModule, ext), named: [{ name: rootModuleClass }] },
    ],
    ...supertestCalls('app.getHttpServer()'),
    suite: {
      declarations: ['let app: INestApplication;'],
      before: [
        `const moduleFixture = await Test.createTestingModule({ imports: [${rootModuleClass}] }).compile();`,
        'app = moduleFixture.createNestApplication();',
        'await app.init();',
      ],
      after: ['await app.close();'],
    },
  };
  if (layout.validation === 'zod') {
    return driver;
  }
  return {
    ...driver,
    validationIssue: (res, issuePath, runner) => {
      const field = issuePath.split('.').filter((segment) => !/^\d+$/.test(segment)).at(-1) ?? '';
      const messages = `(${res}.body.message as string[])`;
      return [
        runner.equal(`Array.isArray(${res}.body.message)`, 'true'),
        field === ''
          ? runner.equal(`${messages}.length > 0`, 'true')
          : runner.equal(`${messages}.some((message) => message.includes(${stringLiteral(field, ctx.input.options.style)}))`, 'true'),
      ];
    },
  };
}
