import assert from 'node:assert/strict';
import { Node, Project } from 'ts-morph';
import { nestjsGenerator } from '../../../src/core/codegen/nestjs/nestjsGenerator';
import { dtoClasses } from '../../../src/core/codegen/nestjs/classValidatorRules';
import { failingCases } from '../../../src/core/codegen/shared/failingCases';
import { exampleValue } from '../../../src/core/codegen/shared/exampleValue';
import type { CodegenOptions } from '../../../src/core/codegen/types';
import { productSearch, productsCrud, userRegistration } from '../../generation/generationSpecs';
import { memoryProject } from '../../support/memoryProject';

const OPTIONS: CodegenOptions = {
  framework: 'nestjs', frameworkMajor: 11, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 4,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src', testsDir: 'src', testSuffix: '.spec.ts', testsColocated: true, appFile: 'src/app.module.ts' },
};
const APP_MODULE = "import { Module } from '@nestjs/common';\nimport { CatsModule } from './cats/cats.module';\n\n@Module({\n  imports: [CatsModule],\n})\nexport class AppModule {}\n";
const CLASS_VALIDATOR = JSON.stringify({ dependencies: { '@nestjs/core': '11.0.0', 'class-validator': '0.15.1', 'class-transformer': '0.5.1' } });
const MAIN = "import { ValidationPipe } from '@nestjs/common';\nimport { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));\n  await app.listen(3000);\n}\nvoid bootstrap();\n";
/** A Nest CLI project: main.ts with the global pipe, e2e specs in test/ with their own jest config. */
const NEST_FILES = { 'src/main.ts': MAIN, 'test/jest-e2e.json': '{}' };
const ZOD_ONLY = JSON.stringify({ dependencies: { '@nestjs/core': '11.0.0', zod: '4.0.0' } });

function parse(text: string) {
  return new Project({ useInMemoryFileSystem: true }).createSourceFile('x.ts', text);
}

describe('codegen: nestjs generator', () => {
  it('writes a feature module registered once; re-running changes nothing; a second endpoint adds only its route', () => {
    const files = memoryProject({ ...NEST_FILES, 'package.json': CLASS_VALIDATOR, 'src/app.module.ts': APP_MODULE });
    const first = nestjsGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} });
    assert.deepEqual(first.map((f) => f.path).sort(), [
      'src/app.module.ts', 'src/common/json-schema.validators.ts', 'src/products/dto/create-product.dto.ts', 'src/products/dto/product-id-params.dto.ts',
      'src/products/entities/product.entity.ts', 'src/products/products.controller.ts', 'src/products/products.module.ts', 'src/products/products.repository.ts',
      'src/products/products.service.ts', 'test/products.e2e-spec.ts',
    ]);
    files.apply(first);
    assert.deepEqual(nestjsGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), []);
    const second = nestjsGenerator.generate({ spec: productSearch.spec, options: OPTIONS, files, handlerBodies: { searchProducts: 'return this.repository.list();' } });
    assert.deepEqual(second.map((f) => f.path).sort(), ['src/products/dto/search-products-query.dto.ts', 'src/products/products.controller.ts', 'src/products/products.service.ts', 'test/products.e2e-spec.ts']);
    files.apply(second);
    const controller = parse(files.read('src/products/products.controller.ts')!);
    const methods = controller.getClassOrThrow('ProductsController').getMethods().map((m) => m.getName());
    assert.equal(methods.length, 6);
    assert.ok(methods.indexOf('searchProducts') < methods.indexOf('getProduct'), 'static path before :id');
    const specifiers = controller.getImportDeclarations().map((d) => d.getModuleSpecifierValue());
    assert.equal(new Set(specifiers).size, specifiers.length, 'no duplicated import declarations');
    const app = files.read('src/app.module.ts')!;
    assert.match(app, /imports: \[CatsModule, ProductsModule\]/);
    assert.equal(app.split('ProductsModule').length - 1, 2);
  });

  it('answers 201 with Location, 404 through NotFoundException and 204 through @HttpCode', () => {
    const files = memoryProject({ ...NEST_FILES, 'package.json': CLASS_VALIDATOR, 'src/app.module.ts': APP_MODULE });
    const controller = nestjsGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }).find((f) => f.path.endsWith('.controller.ts'))!.after;
    assert.match(controller, /@Res\(\{ passthrough: true \}\) res: Response/);
    assert.match(controller, /res\.location\(`\/products\/\$\{String\(item\.id\)\}`\)/);
    assert.match(controller, /throw new NotFoundException/);
    assert.match(controller, /@Delete\(':id'\)\n\s*@HttpCode\(204\)/);
  });

  it('maps every JSON Schema constraint to class-validator decorators, nested classes first', () => {
    const classes = dtoClasses('ShipmentDto', {
      type: 'object', required: ['ref', 'address'],
      properties: {
        ref: { type: 'string', minLength: 3, maxLength: 20, pattern: '^[A-Z]+$' },
        email: { type: 'string', format: 'email' },
        weight: { type: 'number', exclusiveMinimum: 0, maximum: 10, multipleOf: 0.5 },
        kind: { type: 'string', enum: ['a', 'b'] },
        tags: { type: 'array', minItems: 1, maxItems: 3, uniqueItems: true, items: { type: 'string', minLength: 2 } },
        address: { type: 'object', required: ['city'], properties: { city: { type: 'string' } } },
      },
    }, { quote: 'single' }, false);
    assert.deepEqual(classes.map((c) => c.name), ['ShipmentAddressDto', 'ShipmentDto']);
    const decorators = (prop: string): string[] => classes[1]!.properties.find((p) => p.name === prop)!.decorators.map((d) => `${d.name}(${d.args.join(', ')})`);
    assert.deepEqual(decorators('ref'), ['IsString()', 'MinLength(3)', 'MaxLength(20)', 'Matches(/^[A-Z]+$/u)']);
    assert.deepEqual(decorators('email'), ['IsOptional()', 'IsString()', 'IsEmail()']);
    assert.deepEqual(decorators('weight'), ['IsOptional()', 'IsNumber({})', 'Max(10)', 'IsGreaterThan(0)', 'IsMultipleOf(0.5)']);
    assert.deepEqual(decorators('kind'), ['IsOptional()', "IsIn(['a', 'b'])"]);
    assert.deepEqual(decorators('tags'), ['IsOptional()', 'IsArray()', 'ArrayMinSize(1)', 'ArrayMaxSize(3)', 'ArrayUnique((item: unknown) => JSON.stringify(item))', 'IsString({ each: true })', 'MinLength(2, { each: true })']);
    assert.deepEqual(decorators('address'), ['IsObject()', 'ValidateNested()', 'Type(() => ShipmentAddressDto)']);
  });

  it('writes one e2e test per failing case, asserting Nest\'s message names the field', () => {
    const files = memoryProject({ ...NEST_FILES, 'package.json': CLASS_VALIDATOR, 'src/app.module.ts': APP_MODULE });
    const out = nestjsGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} });
    const text = out.find((f) => f.path === 'test/products.e2e-spec.ts')!.after;
    const test = parse(text);
    const titles = test.getDescendants().filter(Node.isCallExpression).filter((c) => c.getExpression().getText() === 'it').map((c) => c.getArguments()[0]!.getText());
    for (const c of failingCases(productsCrud.spec.crud!.entity, 'body', exampleValue(productsCrud.spec.crud!.entity))) {
      assert.ok(titles.includes(`'400 when ${c.title}'`), c.title);
    }
    assert.match(text, /Test\.createTestingModule\(\{ imports: \[ProductsModule\] \}\)/, 'only the feature module boots');
    assert.match(text, /app\.useGlobalPipes\(new ValidationPipe\(\{ whitelist: true \}\)\);\n\s*await app\.init\(\);/, 'with the app\'s own pipe');
    assert.match(text, /import request = require\('supertest'\);/, 'CommonJS without esModuleInterop');
    assert.match(text, /message\.includes\('price'\)/);
  });

  it('places the handler body in the service and imports the Nest exceptions it throws; without one, 501', () => {
    const files = memoryProject({ ...NEST_FILES, 'package.json': CLASS_VALIDATOR, 'src/app.module.ts': APP_MODULE });
    const body = 'if (body.email.endsWith(\'@x.example\')) {\n  throw new ConflictException(\'taken\');\n}\nreturn { email: body.email };';
    const service = nestjsGenerator.generate({ spec: userRegistration.spec, options: OPTIONS, files, handlerBodies: { registerUser: body } }).find((f) => f.path.endsWith('users.service.ts'))!.after;
    assert.match(service, /import \{ Injectable, ConflictException \} from '@nestjs\/common';/);
    assert.match(service, /async registerUser\(body: RegisterUserBodyDto\) \{\n\s+if \(body\.email/);
    const empty = nestjsGenerator.generate({ spec: userRegistration.spec, options: OPTIONS, files, handlerBodies: {} }).find((f) => f.path.endsWith('users.service.ts'))!.after;
    assert.match(empty, /TODO\(routecraft\)/);
    assert.match(empty, /throw new NotImplementedException/);
  });

  it('without class-validator: zod schemas in a ZodValidationPipe with the shared ValidationError body', () => {
    const files = memoryProject({ ...NEST_FILES, 'package.json': ZOD_ONLY, 'src/app.module.ts': APP_MODULE });
    const out = nestjsGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} });
    const paths = out.map((f) => f.path);
    assert.ok(paths.includes('src/common/zod-validation.pipe.ts') && paths.includes('src/common/validation-error.ts') && paths.includes('src/products/products.schemas.ts'));
    assert.ok(!paths.some((p) => p.includes('/dto/')));
    const controller = out.find((f) => f.path.endsWith('.controller.ts'))!.after;
    assert.match(controller, /@Body\(new ZodValidationPipe\(ProductSchema\)\) body: z\.infer<typeof ProductSchema>/);
    const test = out.find((f) => f.path.endsWith('.e2e-spec.ts'))!.after;
    assert.match(test, /\.body\.error\)\.toBe\('ValidationError'\)/);
    files.apply(out);
    assert.deepEqual(nestjsGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), []);
  });

  it('refuses a root module it cannot find, saying what to do', () => {
    const files = memoryProject({ ...NEST_FILES, 'package.json': CLASS_VALIDATOR, 'src/app.module.ts': 'export const x = 1;\n' });
    assert.throws(() => nestjsGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), /--app-file/);
  });
});
