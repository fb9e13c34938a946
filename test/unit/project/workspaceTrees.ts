import path from 'node:path';
import { createMemoryProjectFs, type ProjectFs } from '../../../src/core/project';

/** A fake file system as absolute POSIX path → text. */
export type AbsoluteTree = Record<string, string>;

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The tree seen from `dir` (other folders reached through `..`), as detection and resolution see a real folder. */
export function memoryFsAt(tree: AbsoluteTree, dir: string): ProjectFs {
  return createMemoryProjectFs(Object.fromEntries(Object.entries(tree).map(([file, text]) => [path.posix.relative(dir, file), text])));
}

const NEST_MAIN = "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app/app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nvoid bootstrap();\n";
const NEST_MODULE = "import { Module } from '@nestjs/common';\n\n@Module({ imports: [] })\nexport class AppModule {}\n";
const EXPRESS_APP = "import express from 'express';\n\nexport const app = express();\napp.use(express.json());\n";

/**
 * An Nx integrated workspace: no package.json in the projects, the root's holds NestJS, express,
 * jest and zod for all of them; apps/api (NestJS), apps/worker (express), libs/shared (a library
 * that imports express types), and a root .prettierrc with double quotes.
 */
export function nxTree(): AbsoluteTree {
  return {
    '/repo/nx.json': json({ targetDefaults: {} }),
    '/repo/package.json': json({
      name: '@acme/source',
      private: true,
      dependencies: { '@nestjs/core': '^11.0.0', '@nestjs/common': '^11.0.0', express: '^4.21.0', zod: '^3.23.0' },
      devDependencies: { jest: '^29.7.0', vitest: '^2.0.0', typescript: '~5.6.0', '@nx/jest': '20.0.0' },
    }),
    '/repo/package-lock.json': '{}\n',
    '/repo/.prettierrc': json({ singleQuote: false, semi: true }),
    '/repo/node_modules/zod/package.json': json({ name: 'zod', version: '3.24.1' }),
    '/repo/tsconfig.base.json': json({ compilerOptions: { rootDir: '.', module: 'esnext', baseUrl: '.', paths: { '@acme/shared': ['libs/shared/src/index.ts'] } } }),
    '/repo/apps/api/project.json': json({ name: 'api', projectType: 'application', sourceRoot: 'apps/api/src', targets: { test: { executor: '@nx/jest:jest', options: { jestConfig: 'apps/api/jest.config.ts' } } } }),
    '/repo/apps/api/tsconfig.json': json({ extends: '../../tsconfig.base.json', files: [], include: [], references: [{ path: './tsconfig.app.json' }] }),
    '/repo/apps/api/tsconfig.app.json': json({ extends: './tsconfig.json', compilerOptions: { module: 'commonjs', types: ['node'] } }),
    '/repo/apps/api/src/main.ts': NEST_MAIN,
    '/repo/apps/api/src/app/app.module.ts': NEST_MODULE,
    '/repo/apps/worker/project.json': json({ name: 'worker', projectType: 'application', targets: { test: { executor: '@nx/jest:jest' } } }),
    '/repo/apps/worker/src/main.ts': EXPRESS_APP,
    '/repo/libs/shared/project.json': json({ name: 'shared', projectType: 'library' }),
    '/repo/libs/shared/src/index.ts': "import type { Request } from 'express';\nexport type Req = Request;\n",
  };
}

/** pnpm workspaces + Turborepo: apps/api (hono, vitest), apps/web (react), packages/ui; tools hoisted to the root. */
export function pnpmTree(): AbsoluteTree {
  return {
    '/mono/pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'packages/*'\n",
    '/mono/turbo.json': json({ tasks: { build: {} } }),
    '/mono/pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    '/mono/package.json': json({ name: 'mono', private: true, devDependencies: { turbo: '^2.0.0', typescript: '^5.6.0' } }),
    '/mono/node_modules/typescript/package.json': json({ name: 'typescript', version: '5.6.3' }),
    '/mono/apps/api/package.json': json({ name: '@mono/api', type: 'module', scripts: { test: 'vitest run' }, dependencies: { hono: '^4.6.0', zod: '^4.0.0' }, devDependencies: { vitest: '^2.1.0' } }),
    '/mono/apps/api/turbo.json': json({ extends: ['//'], tasks: {} }),
    '/mono/apps/api/src/index.ts': "import { Hono } from 'hono';\n\nexport const app = new Hono();\napp.get('/', (c) => c.text('ok'));\n",
    '/mono/apps/web/package.json': json({ name: '@mono/web', dependencies: { react: '^18.0.0' } }),
    '/mono/apps/web/src/main.tsx': 'export {};\n',
    '/mono/packages/ui/package.json': json({ name: '@mono/ui' }),
  };
}

/** npm workspaces with two backend apps (express, fastify) and a library that depends on express. */
export function npmTree(): AbsoluteTree {
  return {
    '/ws/package.json': json({ name: 'ws', private: true, workspaces: ['apps/*', 'packages/*', '!packages/legacy'], devDependencies: { typescript: '^5.6.0', jest: '^29.7.0' } }),
    '/ws/package-lock.json': '{}\n',
    '/ws/apps/shop/package.json': json({ name: '@ws/shop', scripts: { test: 'jest' }, dependencies: { express: '^5.0.0' } }),
    '/ws/apps/shop/src/app.ts': EXPRESS_APP,
    '/ws/apps/admin/package.json': json({ name: '@ws/admin', dependencies: { fastify: '^5.0.0' } }),
    '/ws/apps/admin/src/server.ts': "import Fastify from 'fastify';\n\nexport const server = Fastify();\n",
    '/ws/packages/middleware/package.json': json({ name: '@ws/middleware', dependencies: { express: '^5.0.0' } }),
    '/ws/packages/middleware/src/index.ts': "import type { RequestHandler } from 'express';\nexport const noop: RequestHandler = (_req, _res, next) => next();\n",
    '/ws/packages/legacy/package.json': json({ name: '@ws/legacy', dependencies: { express: '^4.0.0' } }),
    '/ws/packages/legacy/src/app.ts': EXPRESS_APP,
  };
}
