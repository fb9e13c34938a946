/** Small fake projects, one per framework, as root-relative path → text (see createMemoryProjectFs). */
export type Tree = Record<string, string>;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Express 4, CommonJS, jest + supertest, zod 3, tests in test/. */
export function express4Tree(): Tree {
  return {
    'package.json': json({
      name: 'shop-api',
      scripts: { build: 'tsc', test: 'jest' },
      dependencies: { express: '^4.19.2', zod: '^3.23.8' },
      devDependencies: { '@types/express': '^4.17.21', jest: '^29.7.0', 'ts-jest': '^29.1.2', supertest: '^7.0.0', typescript: '~5.4.5' },
    }),
    'package-lock.json': '{}\n',
    'tsconfig.json': json({ compilerOptions: { module: 'commonjs', target: 'es2020', outDir: 'dist', rootDir: 'src', strict: true, esModuleInterop: true } }),
    'src/app.ts': [
      "import express from 'express';",
      "import { usersRouter } from './routes/users';",
      "import { ordersRouter } from './routes/orders';",
      '',
      'export const app = express();',
      'app.use(express.json());',
      "app.use('/users', usersRouter);",
      "app.use('/orders', ordersRouter);",
      '',
    ].join('\n'),
    'src/server.ts': "import { app } from './app';\n\nconst port = Number(process.env.PORT ?? 3000);\napp.listen(port, () => {\n  console.log(`listening on ${port}`);\n});\n",
    'src/routes/users.ts': [
      "import { Router } from 'express';",
      "import { z } from 'zod';",
      '',
      'export const usersRouter = Router();',
      '',
      'const CreateUser = z.object({',
      '  name: z.string().min(1),',
      "  email: z.string().email(), // 'quoted' in a comment",
      '});',
      '',
      "usersRouter.get('/', (_req, res) => {",
      '  res.json([]);',
      '});',
      '',
      "usersRouter.post('/', (req, res) => {",
      '  const parsed = CreateUser.safeParse(req.body);',
      '  if (!parsed.success) {',
      '    return res.status(400).json({',
      '      errors: parsed.error.issues,',
      '    });',
      '  }',
      '  return res.status(201).json(parsed.data);',
      '});',
      '',
    ].join('\n'),
    'src/routes/orders.ts': "import { Router } from 'express';\n\nexport const ordersRouter = Router();\n\nordersRouter.get('/', (_req, res) => {\n  res.json({ items: [] });\n});\n",
    'test/users.test.ts': "import request from 'supertest';\nimport { app } from '../src/app';\n\ndescribe('users', () => {\n  it('lists', async () => {\n    const res = await request(app).get('/users');\n    expect(res.status).toBe(200);\n  });\n});\n",
  };
}

/** Express 5, ESM with NodeNext (through `extends`), vitest + supertest, zod 4, colocated tests, `@/` alias, pnpm. */
export function express5Tree(): Tree {
  return {
    'package.json': json({
      name: 'esm-api',
      type: 'module',
      scripts: { test: 'vitest run' },
      dependencies: { express: '^5.1.0', zod: '^4.0.5' },
      devDependencies: { '@types/express': '^5.0.0', supertest: '^7.1.0', typescript: '^5.8.3', vitest: '^3.2.0' },
    }),
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'tsconfig.base.json': '{\n  // shared options\n  "compilerOptions": {\n    "module": "NodeNext",\n    "moduleResolution": "NodeNext",\n    "strict": true,\n  },\n}\n',
    'tsconfig.json': json({ extends: './tsconfig.base.json', compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'], '#unused/*': ['lib/*'] } }, include: ['src'] }),
    'src/app.ts': "import express from 'express';\nimport { usersRouter } from './routes/users.js';\nimport { logger } from '@/lib/logger.js';\n\nexport const app = express();\napp.use(express.json());\napp.use('/users', usersRouter);\nlogger.info('ready');\n",
    'src/lib/logger.ts': "export const logger = {\n  info(message: string): void {\n    console.log(message);\n  },\n};\n",
    'src/routes/users.ts': "import { Router } from 'express';\nimport { z } from 'zod';\nimport { logger } from '../lib/logger.js';\n\nexport const usersRouter = Router();\n\nusersRouter.get('/', (_req, res) => {\n  logger.info('list');\n  res.json([]);\n});\n",
    'src/routes/users.test.ts': "import request from 'supertest';\nimport { describe, expect, it } from 'vitest';\nimport { app } from '../app.js';\n\ndescribe('users', () => {\n  it('lists', async () => {\n    const res = await request(app).get('/users');\n    expect(res.status).toBe(200);\n  });\n});\n",
  };
}

/** Fastify 5, node:test + node:assert through tsx, no zod, yarn. */
export function fastifyTree(): Tree {
  return {
    'package.json': json({
      name: 'fast-api',
      type: 'module',
      scripts: { test: 'node --import tsx --test test/**/*.test.ts' },
      dependencies: { fastify: '^5.2.1' },
      devDependencies: { tsx: '^4.19.0', typescript: '^5.7.2', '@types/node': '^22.10.0' },
    }),
    'yarn.lock': '# yarn lockfile v1\n',
    'tsconfig.json': json({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }),
    'src/app.ts': "import Fastify from 'fastify';\nimport { userRoutes } from './routes/users';\n\nexport function buildApp() {\n  const app = Fastify({ logger: false });\n  app.register(userRoutes, { prefix: '/users' });\n  return app;\n}\n",
    'src/server.ts': "import { buildApp } from './app';\n\nconst app = buildApp();\nawait app.listen({ port: 3000 });\n",
    'src/routes/users.ts': "import type { FastifyPluginAsync } from 'fastify';\n\nexport const userRoutes: FastifyPluginAsync = async (fastify) => {\n  fastify.get('/', async () => {\n    return [];\n  });\n};\n",
    'test/users.test.ts': "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { buildApp } from '../src/app';\n\ntest('lists users', async () => {\n  const app = buildApp();\n  const res = await app.inject({ method: 'GET', url: '/users' });\n  assert.equal(res.statusCode, 200);\n});\n",
  };
}

/** NestJS 10, jest, class-validator DTOs with a global ValidationPipe. */
export function nestTree(): Tree {
  return {
    'package.json': json({
      name: 'nest-api',
      scripts: { build: 'nest build', test: 'jest', 'test:e2e': 'jest --config ./test/jest-e2e.json' },
      dependencies: {
        '@nestjs/common': '^10.3.0', '@nestjs/core': '^10.3.0', '@nestjs/platform-express': '^10.3.0',
        'class-transformer': '^0.5.1', 'class-validator': '^0.14.1', 'reflect-metadata': '^0.2.0', rxjs: '^7.8.1',
      },
      devDependencies: { '@nestjs/testing': '^10.3.0', jest: '^29.5.0', supertest: '^7.0.0', 'ts-jest': '^29.1.0', typescript: '^5.1.3' },
      jest: { rootDir: 'src', testRegex: '.*\\.spec\\.ts$' },
    }),
    'package-lock.json': '{}\n',
    'tsconfig.json': json({ compilerOptions: { module: 'commonjs', rootDir: './', experimentalDecorators: true, emitDecoratorMetadata: true, baseUrl: './', outDir: './dist' } }),
    '.prettierrc': json({ singleQuote: true, trailingComma: 'all' }),
    'src/main.ts': "import { ValidationPipe } from '@nestjs/common';\nimport { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));\n  await app.listen(3000);\n}\nbootstrap();\n",
    'src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { UsersModule } from './users/users.module';\n\n@Module({\n  imports: [UsersModule],\n})\nexport class AppModule {}\n",
    'src/users/users.module.ts': "import { Module } from '@nestjs/common';\nimport { UsersController } from './users.controller';\n\n@Module({\n  controllers: [UsersController],\n})\nexport class UsersModule {}\n",
    'src/users/users.controller.ts': "import { Body, Controller, Get, Post } from '@nestjs/common';\nimport { CreateUserDto } from './dto/create-user.dto';\n\n@Controller('users')\nexport class UsersController {\n  @Get()\n  findAll() {\n    return [];\n  }\n\n  @Post()\n  create(@Body() dto: CreateUserDto) {\n    return dto;\n  }\n}\n",
    'src/users/dto/create-user.dto.ts': "import { IsEmail, IsString, MinLength } from 'class-validator';\n\nexport class CreateUserDto {\n  @IsString()\n  @MinLength(1)\n  name!: string;\n\n  @IsEmail()\n  email!: string;\n}\n",
    'src/users/users.controller.spec.ts': "import { Test } from '@nestjs/testing';\nimport { UsersController } from './users.controller';\n\ndescribe('UsersController', () => {\n  it('is defined', async () => {\n    const moduleRef = await Test.createTestingModule({ controllers: [UsersController] }).compile();\n    expect(moduleRef.get(UsersController)).toBeDefined();\n  });\n});\n",
    'test/app.e2e-spec.ts': "import { Test } from '@nestjs/testing';\nimport request from 'supertest';\nimport { AppModule } from '../src/app.module';\n\ndescribe('app (e2e)', () => {\n  it('GET /users', async () => {\n    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();\n    const app = moduleRef.createNestApplication();\n    await app.init();\n    await request(app.getHttpServer()).get('/users').expect(200);\n  });\n});\n",
  };
}

/** Hono 4 + vitest, sub-apps registered with `app.route`; `openapi` swaps in @hono/zod-openapi. */
export function honoTree(openapi = false): Tree {
  const honoImport = openapi ? "import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';" : "import { Hono } from 'hono';\nimport { z } from 'zod';";
  const ctor = openapi ? 'OpenAPIHono' : 'Hono';
  return {
    'package.json': json({
      name: 'hono-api',
      type: 'module',
      scripts: { dev: 'tsx watch src/index.ts', test: 'vitest' },
      dependencies: { hono: '^4.6.3', zod: '^3.23.8', ...(openapi ? { '@hono/zod-openapi': '^0.16.0' } : { '@hono/zod-validator': '^0.4.1' }) },
      devDependencies: { typescript: '^5.6.2', vitest: '^2.1.1' },
    }),
    'bun.lockb': 'binary',
    'tsconfig.json': json({ compilerOptions: { target: 'ESNext', module: 'ESNext', moduleResolution: 'Bundler', strict: true } }),
    'src/index.ts': `${honoImport}\nimport users from './routes/users'\nimport posts from './routes/posts'\n\nconst app = new ${ctor}()\n\napp.route('/users', users)\napp.route('/posts', posts)\n\nexport default app\n`,
    'src/routes/users.ts': `${honoImport}\n\nconst users = new ${ctor}()\n\n${openapi ? "const listUsers = createRoute({\n  method: 'get',\n  path: '/',\n  responses: { 200: { description: 'users' } },\n})\n\nusers.openapi(listUsers, (c) => c.json([]))\n" : "users.get('/', (c) => c.json([]))\n"}\nexport default users\n`,
    'src/routes/posts.ts': `${honoImport}\n\nconst posts = new ${ctor}()\n\nposts.get('/', (c) => {\n  const schema = z.object({ title: z.string() })\n  return c.json(schema.shape)\n})\n\nexport default posts\n`,
    'src/routes/users.test.ts': "import { describe, expect, it } from 'vitest'\nimport app from '../index'\n\ndescribe('users', () => {\n  it('lists', async () => {\n    const res = await app.request('/users')\n    expect(res.status).toBe(200)\n  })\n})\n",
  };
}
