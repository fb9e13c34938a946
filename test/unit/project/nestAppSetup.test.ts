import assert from 'node:assert/strict';
import { nestMainFile, readNestAppSetup } from '../../../src/core/project/nestAppSetup';
import { findNestNeighbour } from '../../../src/core/project/nestNeighbour';

function reader(files: Record<string, string>): (path: string) => string | undefined {
  return (path) => files[path];
}

const APP_MODULE = "import { Module } from '@nestjs/common';\n@Module({ imports: [] })\nexport class AppModule {}\n";

describe('project: the Nest app setup a test must repeat', () => {
  it('reads pipes (with the local constant they use), prefix and URI versioning from main.ts and the setup function it hands the app to', () => {
    const read = reader({
      'src/app.module.ts': APP_MODULE,
      'src/main.ts': [
        "import { ValidationPipe, ValidationPipeOptions } from '@nestjs/common';",
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        "import { configure } from './setup/configure';",
        'export const options: ValidationPipeOptions = { whitelist: true, transformOptions: { enableImplicitConversion: true } };',
        'async function bootstrap() {',
        '  const server = await NestFactory.create(AppModule);',
        '  server.useGlobalPipes(new ValidationPipe(options));',
        "  server.setGlobalPrefix('api');",
        '  configure(server);',
        '  await server.listen(3000);',
        '}',
        'void bootstrap();',
      ].join('\n'),
      'src/setup/configure.ts': "import { INestApplication, VersioningType } from '@nestjs/common';\nexport function configure(app: INestApplication) {\n  app.enableVersioning({ type: VersioningType.URI, prefix: 'version-', defaultVersion: ['2', '3'] });\n}\n",
    });
    assert.equal(nestMainFile(read, 'src/app.module.ts', 'src'), 'src/main.ts');
    const setup = readNestAppSetup(read, 'src/main.ts', 'src/app.module.ts');
    assert.deepEqual(setup.statements, [
      'app.useGlobalPipes(new ValidationPipe(options));',
      "app.setGlobalPrefix('api');",
      "app.enableVersioning({ type: VersioningType.URI, prefix: 'version-', defaultVersion: ['2', '3'] });",
    ]);
    assert.deepEqual(setup.declarations, ['const options: ValidationPipeOptions = { whitelist: true, transformOptions: { enableImplicitConversion: true } };']);
    assert.deepEqual(setup.imports.map((i) => `${i.name} from ${i.module}`).sort(), ['ValidationPipe from @nestjs/common', 'ValidationPipeOptions from @nestjs/common', 'VersioningType from @nestjs/common']);
    assert.equal(setup.globalPrefix, 'api');
    assert.deepEqual(setup.versioning, { prefix: 'version-', defaultVersion: '2' });
    assert.equal(setup.validationPipe, true);
    assert.equal(setup.implicitConversion, true);
    assert.equal(setup.customErrorBody, false);
    assert.deepEqual(setup.evidence, ['src/main.ts:8', 'src/main.ts:9', 'src/setup/configure.ts:3']);
  });

  it('copies APP_PIPE providers of the root module; an exceptionFactory means the 400 body is the app\'s own', () => {
    const read = reader({
      'src/app.module.ts': "import { Module, ValidationPipe } from '@nestjs/common';\nimport { APP_PIPE } from '@nestjs/core';\nimport { toHttpError } from './errors';\n@Module({ providers: [{ provide: APP_PIPE, useValue: new ValidationPipe({ exceptionFactory: toHttpError }) }] })\nexport class AppModule {}\n",
      'src/errors.ts': 'export const toHttpError = () => new Error();\n',
    });
    const setup = readNestAppSetup(read, undefined, 'src/app.module.ts');
    assert.deepEqual(setup.providers, ['{ provide: APP_PIPE, useValue: new ValidationPipe({ exceptionFactory: toHttpError }) }']);
    assert.deepEqual(setup.imports.find((i) => i.name === 'toHttpError'), { module: 'src/errors', projectFile: true, kind: 'named', name: 'toHttpError' });
    assert.equal(setup.validationPipe, true);
    assert.equal(setup.customErrorBody, true);
  });

  it('refuses in one sentence what a test cannot rebuild: a prefix from the environment, a pipe built from the app', () => {
    const main = (line: string): (path: string) => string | undefined => reader({
      'src/app.module.ts': APP_MODULE,
      'src/main.ts': `import { VersioningType } from '@nestjs/common';\nimport { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  ${line}\n}\n`,
    });
    assert.throws(() => readNestAppSetup(main('app.setGlobalPrefix(process.env.PREFIX);'), 'src/main.ts', 'src/app.module.ts'), /global prefix at src\/main\.ts:6 is not a string literal/);
    assert.throws(() => readNestAppSetup(main('app.useGlobalPipes(app.get(MyPipe));'), 'src/main.ts', 'src/app.module.ts'), /reads the app itself/);
    assert.throws(() => readNestAppSetup(main("app.enableVersioning({ type: VersioningType.HEADER, header: 'X-Version' });"), 'src/main.ts', 'src/app.module.ts'), /only URI versioning/);
  });

  it('finds the nearest feature module through an aggregator module, with its dto folder, version and Swagger style', () => {
    const read = reader({
      'src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { ConfigModule } from '@nestjs/config';\nimport { FeaturesModule } from './modules/features.module';\n@Module({ imports: [ConfigModule.forRoot(), FeaturesModule] })\nexport class AppModule {}\n",
      'src/modules/features.module.ts': "import { Module } from '@nestjs/common';\nimport { CatsModule } from './cats/cats.module';\n@Module({ imports: [CatsModule] })\nexport class FeaturesModule {}\n",
      'src/modules/cats/cats.module.ts': "import { Module } from '@nestjs/common';\nimport { CatsController } from './cats.controller';\n@Module({ controllers: [CatsController] })\nexport class CatsModule {}\n",
      'src/modules/cats/cats.controller.ts': "import { Controller } from '@nestjs/common';\nimport { ApiTags } from '@nestjs/swagger';\nimport { CreateCatDto } from './dtos/create-cat.dto';\n@ApiTags('cats')\n@Controller({ path: 'cats', version: '2' })\nexport class CatsController {}\n",
      'src/modules/cats/dtos/create-cat.dto.ts': "import { ApiProperty } from '@nestjs/swagger';\nexport class CreateCatDto {\n  @ApiProperty()\n  name: string;\n}\n",
    });
    assert.deepEqual(findNestNeighbour(read, 'src/app.module.ts', 'gadgets.module.ts'), {
      registrationModule: 'src/modules/features.module.ts',
      moduleFile: 'src/modules/cats/cats.module.ts',
      controllerFile: 'src/modules/cats/cats.controller.ts',
      dtoFolder: 'dtos',
      controllerVersion: '2',
      apiTags: true,
      apiProperty: true,
    });
    assert.equal(findNestNeighbour(read, 'src/app.module.ts', 'cats.module.ts'), undefined, 'the module being generated is no neighbour');
  });
});
