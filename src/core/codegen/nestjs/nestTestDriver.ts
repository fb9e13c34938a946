import type { NestAppSetup } from '../../project/nestAppSetup';
import type { CopiedImport } from '../../project/nestCodeCopy';
import type { GenerationContext } from '../shared/generationContext';
import { relativeModule, type ImportSpec } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { HttpTestDriver } from '../shared/testWriters/httpTestDriver';
import { supertestCalls } from '../shared/testWriters/supertestCalls';
import type { NestLayout } from './nestLayout';

/** `/api/v1`: what the app's global prefix and URI versioning put before a controller's path. */
export function nestUrlPrefix(setup: NestAppSetup, controllerVersion: string | undefined): string {
  const segments: string[] = [];
  if (setup.globalPrefix !== undefined) {
    segments.push(setup.globalPrefix.replace(/^\/+|\/+$/g, ''));
  }
  const version = controllerVersion ?? setup.versioning?.defaultVersion;
  if (setup.versioning && version !== undefined) {
    segments.push(`${setup.versioning.prefix}${version}`);
  }
  const path = segments.filter((s) => s !== '').join('/');
  return path === '' ? '' : `/${path}`;
}

/** A URL expression (`'/x'`, `` `/x/${id}` ``) with `prefix` put in front of its path. */
function prefixUrl(url: string, prefix: string): string {
  if (prefix === '') {
    return url;
  }
  const quote = url.charAt(0);
  const escaped = quote === '`' ? prefix.replace(/[`\\$]/g, (c) => `\\${c}`) : prefix.replace(/[\\'"]/g, (c) => `\\${c}`);
  return `${quote}${escaped}${url.slice(1)}`;
}

function importSpecs(ctx: GenerationContext, testFile: string, copied: readonly CopiedImport[]): ImportSpec[] {
  return copied.map((c) => {
    const moduleSpecifier = c.projectFile ? relativeModule(testFile, `${c.module}.ts`, ctx.input.options.importExtension) : c.module;
    if (c.kind === 'default') {
      return { moduleSpecifier, defaultName: c.name };
    }
    if (c.kind === 'namespace') {
      return { moduleSpecifier, namespaceName: c.name };
    }
    return { moduleSpecifier, named: [{ name: c.name }] };
  });
}

/**
 * How a test imports supertest: `import request from` with esModuleInterop (or ESM); in CommonJS
 * without it `import request = require(...)`, which is callable at run time (a default import is
 * undefined there) and under every TypeScript version (TypeScript 6 rejects calling `import * as`).
 */
function supertestImport(ctx: GenerationContext): ImportSpec {
  const tsconfig = ctx.input.files.read('tsconfig.json') ?? '';
  return /"esModuleInterop"\s*:\s*true/.test(tsconfig) || ctx.input.options.moduleKind === 'esm'
    ? { moduleSpecifier: 'supertest', defaultName: 'request' }
    : { moduleSpecifier: 'supertest', requireName: 'request' };
}

/**
 * Nest's e2e style, booting only the new feature module (`Test.createTestingModule({ imports:
 * [ProductsModule] })`, no database the root module connects to) with the app's own global setup
 * applied the same way: its pipes, global prefix and versioning from main.ts, its APP_PIPE
 * providers. Requests go through supertest to `app.getHttpServer()` under the app's URL prefix.
 * With class-validator the 400 body is Nest's `{ message: string[] }`: a failing case asserts that
 * a message names the field (only the status when the app shapes its own error bodies).
 */
export function nestTestDriver(ctx: GenerationContext, layout: NestLayout, setup: NestAppSetup): HttpTestDriver {
  const prefix = nestUrlPrefix(setup, layout.neighbour?.controllerVersion);
  const calls = supertestCalls('app.getHttpServer()');
  const providers = setup.providers.length > 0 ? `, providers: [${setup.providers.join(', ')}]` : '';
  const driver: HttpTestDriver = {
    imports: (testFile) => [
      { moduleSpecifier: '@nestjs/common', named: [{ name: 'INestApplication', typeOnly: true }] },
      { moduleSpecifier: '@nestjs/testing', named: [{ name: 'Test' }] },
      supertestImport(ctx),
      { moduleSpecifier: relativeModule(testFile, layout.moduleFile, ctx.input.options.importExtension), named: [{ name: layout.moduleClass }] },
      ...importSpecs(ctx, testFile, setup.imports),
    ],
    ...calls,
    send: (req) => calls.send({ ...req, url: prefixUrl(req.url, prefix), urlWithQuery: prefixUrl(req.urlWithQuery, prefix) }),
    suite: {
      declarations: ['let app: INestApplication;'],
      before: [
        `const moduleFixture = await Test.createTestingModule({ imports: [${layout.moduleClass}]${providers} }).compile();`,
        'app = moduleFixture.createNestApplication();',
        ...setup.declarations,
        ...setup.statements,
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
      if (setup.customErrorBody) {
        return [];
      }
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
