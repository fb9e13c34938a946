import assert from 'node:assert/strict';
import type { ChangeSet } from '../../../src/core/changes/changeSet';
import { generateEndpoint } from '../../../src/core/endpoint/generateEndpoint';
import { deferAddedModules } from '../../../src/core/endpoint/pendingDependencies';
import { zodDependency } from '../../../src/core/endpoint/zodDependency';
import { createNodeProjectFiles } from '../../../src/core/project/nodeProjectFs';
import type { ProjectFacts } from '../../../src/core/project/projectFacts';
import { EndpointSpecSchema } from '../../../src/core/endpointSpec';
import { TempProject } from '../changes/tempProject';

const spec = EndpointSpecSchema.parse({
  version: 1, resource: 'note',
  crud: { entity: { type: 'object', required: ['title'], properties: { title: { type: 'string', minLength: 1 } } }, operations: ['create', 'get'] },
});
const PACKAGE = JSON.stringify({ name: 'api', dependencies: { express: '5.1.0' } }, undefined, 2);
const withoutZod = { typescriptVersion: '5.8.3' } as Pick<ProjectFacts, 'zod' | 'typescriptVersion'> as ProjectFacts;
const file = (path: string, after: string): { path: string; before: undefined; after: string } => ({ path, before: undefined, after });

describe('endpoint: zod is added only when generated code imports it', function () {
  this.timeout(120_000);
  const projects: TempProject[] = [];
  const track = (p: TempProject): TempProject => {
    projects.push(p);
    return p;
  };
  afterEach(() => projects.splice(0).forEach((p) => p.dispose()));

  it('adds nothing when no generated file imports zod (class-validator DTOs)', () => {
    const p = track(new TempProject().write('package.json', PACKAGE));
    const files = [file('src/notes/dto/create-note.dto.ts', "import { IsString } from 'class-validator';\nexport class CreateNoteDto {\n  @IsString()\n  title!: string;\n}\n")];
    assert.equal(zodDependency(createNodeProjectFiles(p.root), withoutZod, files, 'npm install'), undefined);
  });

  it('does not mistake zod-named packages or the word in text for an import of zod', () => {
    const p = track(new TempProject().write('package.json', PACKAGE));
    const files = [
      file('src/registry.ts', "import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';\n// uses zod elsewhere\nexport const r = new OpenAPIRegistry();\n"),
      file('README.md', "import { z } from 'zod'"),
    ];
    assert.equal(zodDependency(createNodeProjectFiles(p.root), withoutZod, files, 'npm install'), undefined);
  });

  it('adds zod, matched to the TypeScript version, when a generated file imports zod or a subpath of it', () => {
    const p = track(new TempProject().write('package.json', PACKAGE));
    for (const specifier of ['zod', 'zod/v4']) {
      const added = zodDependency(createNodeProjectFiles(p.root), withoutZod, [file('src/schemas/notes.ts', `import { z } from '${specifier}';\nexport const Note = z.object({});\n`)], 'pnpm install');
      assert.ok(added);
      assert.deepEqual((JSON.parse(added.change.after) as { dependencies: Record<string, string> }).dependencies, { express: '5.1.0', zod: '^4.0.0' });
      assert.equal(added.note, 'zod ^4.0.0 was added to package.json; run `pnpm install` after accepting.');
    }
    const hasZod = { ...withoutZod, zod: { major: 4 } } as ProjectFacts;
    assert.equal(zodDependency(createNodeProjectFiles(p.root), hasZod, [file('src/a.ts', "import { z } from 'zod';\n")], 'npm install'), undefined);
  });

  it('generateEndpoint: a class-validator NestJS project gets no zod; an Express one gets it with the note once', async () => {
    const nest = track(new TempProject()
      .write('package.json', JSON.stringify({ name: 'n', dependencies: { '@nestjs/core': '11.0.0', '@nestjs/common': '11.0.0', 'class-validator': '0.14.0', 'class-transformer': '0.5.1' }, devDependencies: { jest: '30.0.0', typescript: '5.8.3' } }))
      .write('src/app.module.ts', "import { Module } from '@nestjs/common';\n\n@Module({ imports: [] })\nexport class AppModule {}\n")
      .write('src/main.ts', "import { ValidationPipe } from '@nestjs/common';\nimport { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));\n  await app.listen(3000);\n}\nvoid bootstrap();\n"));
    const nestResult = await generateEndpoint({ root: nest.root, spec });
    assert.equal(nestResult.kind, 'ok');
    if (nestResult.kind === 'ok') {
      assert.ok(nestResult.changeSet.files.length > 0);
      assert.equal(nestResult.changeSet.files.some((f) => f.path === 'package.json'), false);
      assert.equal(nestResult.notes.some((n) => n.includes('zod')), false);
      assert.equal(nestResult.installCommand, undefined);
    }
    const express = track(new TempProject()
      .write('package.json', JSON.stringify({ name: 'e', dependencies: { express: '5.1.0' }, devDependencies: { vitest: '3.0.0', typescript: '5.8.3' } }))
      .write('src/app.ts', "import express from 'express';\nexport const app = express();\napp.use(express.json());\n"));
    const expressResult = await generateEndpoint({ root: express.root, spec });
    assert.equal(expressResult.kind, 'ok');
    if (expressResult.kind === 'ok') {
      assert.ok(expressResult.changeSet.files.some((f) => f.path === 'package.json'));
      assert.equal(expressResult.notes.filter((n) => n.includes('zod')).length, 1);
      assert.equal(expressResult.installCommand, 'npm install');
    }
  });
});

describe('endpoint: a module the change adds to package.json does not block it before the install', () => {
  const diag = (message: string, code = 2307): { line: number; column: number; message: string; code: number; category: 'error' } => ({ line: 1, column: 19, message, code, category: 'error' });
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject().write('node_modules/express/package.json', '{"name":"express"}');
  });
  afterEach(() => project.dispose());
  const changeSet = (after: string): ChangeSet => ({
    root: project.root, summary: 's',
    files: [
      { path: 'src/schemas.ts', before: undefined, after: "import { z } from 'zod';", diagnostics: [
        diag("Cannot find module 'zod' or its corresponding type declarations."),
        diag("Cannot find module 'zod/v4' or its corresponding type declarations."),
        diag("Cannot find module 'express' or its corresponding type declarations."),
        diag("Type 'string' is not assignable to type 'number'.", 2322),
      ] },
      { path: 'package.json', before: '{"dependencies":{"express":"5.1.0"}}', after },
    ],
  });

  it('turns only the added package\'s "Cannot find module" errors into warnings that say to install it', () => {
    const [schemas] = deferAddedModules(changeSet('{"dependencies":{"express":"5.1.0","zod":"^4.0.0"}}')).files;
    assert.deepEqual(schemas?.diagnostics?.map((d) => d.category), ['warning', 'warning', 'error', 'error']);
    assert.match(schemas?.diagnostics?.[0]?.message ?? '', /listed in package\.json but not installed yet/);
  });

  it('also for a package an earlier change listed but the user has not installed yet', () => {
    project.write('package.json', '{"dependencies":{"express":"5.1.0","zod":"^4.0.0"}}');
    const set = changeSet('');
    const [schemas] = deferAddedModules({ ...set, files: set.files.filter((f) => f.path !== 'package.json') }).files;
    assert.deepEqual(schemas?.diagnostics?.map((d) => d.category), ['warning', 'warning', 'error', 'error']);
  });

  it('keeps every error when the package is not listed, or is installed', () => {
    const [schemas] = deferAddedModules(changeSet('{"dependencies":{"express":"5.1.0"}}')).files;
    assert.deepEqual(schemas?.diagnostics?.map((d) => d.category), ['error', 'error', 'error', 'error']);
    project.write('node_modules/zod/package.json', '{"name":"zod"}');
    const [installedZod] = deferAddedModules(changeSet('{"dependencies":{"express":"5.1.0","zod":"^4.0.0"}}')).files;
    assert.deepEqual(installedZod?.diagnostics?.map((d) => d.category), ['error', 'error', 'error', 'error']);
  });
});
