import assert from 'node:assert/strict';
import { nestjsGenerator } from '../../../src/core/codegen/nestjs/nestjsGenerator';
import type { CodegenOptions } from '../../../src/core/codegen/types';
import { productsCrud, productSearch } from '../../generation/generationSpecs';
import { memoryProject } from '../../support/memoryProject';

const OPTIONS: CodegenOptions = {
  framework: 'nestjs', frameworkMajor: 10, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 4,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src', testsDir: 'src', testSuffix: '.spec.ts', testsColocated: true, appFile: 'src/app.module.ts' },
};

/** A Nest app as the corpus shows them: a database in the root module, features under an aggregator, Swagger, prefix and versioning in main.ts. */
const PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({
    dependencies: { '@nestjs/core': '10.0.0', '@nestjs/swagger': '8.0.0', '@nestjs/mongoose': '10.0.0', 'class-validator': '0.14.1', 'class-transformer': '0.5.1' },
    jest: { rootDir: 'src', testRegex: '.*\\.spec\\.ts$' },
  }),
  'tsconfig.json': '{ "compilerOptions": { "module": "commonjs" } }',
  'src/main.ts': [
    "import { ValidationPipe, VersioningType } from '@nestjs/common';",
    "import { NestFactory } from '@nestjs/core';",
    "import { AppModule } from './app.module';",
    'async function bootstrap() {',
    '  const app = await NestFactory.create(AppModule);',
    "  app.setGlobalPrefix('api');",
    '  app.enableVersioning({ type: VersioningType.URI });',
    '  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true, transformOptions: { enableImplicitConversion: true } }));',
    '  await app.listen(3000);',
    '}',
    'bootstrap();',
  ].join('\n'),
  'src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { MongooseModule } from '@nestjs/mongoose';\nimport { FeaturesModule } from './features/features.module';\n\n@Module({\n  imports: [MongooseModule.forRoot('mongodb://localhost/app'), FeaturesModule],\n})\nexport class AppModule {}\n",
  'src/features/features.module.ts': "import { Module } from '@nestjs/common';\nimport { CatsModule } from './cats/cats.module';\n\n@Module({\n  imports: [CatsModule],\n})\nexport class FeaturesModule {}\n",
  'src/features/cats/cats.module.ts': "import { Module } from '@nestjs/common';\nimport { CatsController } from './cats.controller';\n\n@Module({ controllers: [CatsController] })\nexport class CatsModule {}\n",
  'src/features/cats/cats.controller.ts': "import { Controller, Post, Body } from '@nestjs/common';\nimport { ApiTags } from '@nestjs/swagger';\nimport { CreateCatDto } from './dtos/create-cat.dto';\n\n@ApiTags('Cats')\n@Controller({ path: 'cats', version: '1' })\nexport class CatsController {\n  @Post()\n  create(@Body() body: CreateCatDto) {\n    return body;\n  }\n}\n",
  'src/features/cats/dtos/create-cat.dto.ts': "import { ApiProperty } from '@nestjs/swagger';\nimport { IsString } from 'class-validator';\n\nexport class CreateCatDto {\n  @ApiProperty()\n  @IsString()\n  name: string;\n}\n",
};

describe('codegen: nestjs generator on an app with a database, Swagger, prefix and versioning', () => {
  it('places the feature like its neighbour, registers it in the aggregator, and tests only the feature module under the app\'s setup', () => {
    const files = memoryProject(PROJECT);
    const out = nestjsGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} });
    const paths = out.map((f) => f.path).sort();
    assert.ok(paths.includes('src/features/products/products.module.ts'));
    assert.ok(paths.includes('src/features/products/dtos/create-product.dto.ts'), 'the neighbour\'s dto folder name');
    assert.ok(paths.includes('src/features/features.module.ts') && !paths.includes('src/app.module.ts'), 'registered where the neighbour is');
    assert.ok(paths.includes('src/features/products/products.controller.spec.ts'), 'beside the code, where jest (rootDir src) finds it');
    const read = (suffix: string): string => out.find((f) => f.path.endsWith(suffix))!.after;

    const controller = read('products.controller.ts');
    assert.match(controller, /@ApiTags\('Products'\)\n@Controller\(\{ path: 'products', version: '1' \}\)/);
    const dto = read('create-product.dto.ts');
    assert.match(dto, /@ApiProperty\(\)\n\s+@IsString\(\)/);
    assert.match(dto, /@ApiPropertyOptional\(\{ type: \[String\] \}\)/);

    const test = read('products.controller.spec.ts');
    assert.match(test, /Test\.createTestingModule\(\{ imports: \[ProductsModule\] \}\)/);
    assert.doesNotMatch(test, /AppModule|Mongoose/);
    assert.match(test, /app\.setGlobalPrefix\('api'\);\n\s+app\.enableVersioning\(\{ type: VersioningType\.URI \}\);\n\s+app\.useGlobalPipes/);
    assert.match(test, /\.post\('\/api\/v1\/products'\)/);
    assert.match(test, /\.get\(`\/api\/v1\/products\/\$\{created\.body\.id\}`\)/);
    assert.match(test, /name: \[12345\]/, 'a wrong type implicit conversion cannot rescue');
    assert.match(test, /SwaggerModule\.createDocument\(app, new DocumentBuilder\(\)\.build\(\)\)/);
    assert.match(test, /\['\/api\/v1\/products', '\/api\/v1\/products\/\{id\}'\]\.filter\(\(path\) => !\(path in document\.paths\)\)/);

    files.apply(out);
    assert.deepEqual(nestjsGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), [], 're-running changes nothing');
    const second = nestjsGenerator.generate({ spec: productSearch.spec, options: OPTIONS, files, handlerBodies: {} });
    assert.match(second.find((f) => f.path.endsWith('.spec.ts'))!.after, /\['\/api\/v1\/products', '\/api\/v1\/products\/search', '\/api\/v1\/products\/\{id\}'\]/, 'the Swagger test lists the new path too');
  });

  it('refuses a class-validator app without a global ValidationPipe and writes nothing', () => {
    const files = memoryProject({ ...PROJECT, 'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n" });
    assert.throws(() => nestjsGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), /registers no global ValidationPipe/);
  });
});
