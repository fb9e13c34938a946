import assert from 'node:assert/strict';
import { expressGenerator } from '../../../../src/core/codegen/express/expressGenerator';
import type { CodegenOptions, GeneratedFile, ProjectFiles } from '../../../../src/core/codegen/types';
import { EndpointSpecSchema, type EndpointSpec } from '../../../../src/core/endpointSpec';

const OPTIONS: CodegenOptions = {
  framework: 'express', frameworkMajor: 5, testRunner: 'vitest', moduleKind: 'esm', importExtension: '', zodMajor: 3,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};

const GADGETS: EndpointSpec = EndpointSpecSchema.parse({
  version: 1,
  resource: 'gadget',
  crud: { entity: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 2 } } }, operations: ['list', 'create'] },
});

const MOUNT = "app.use('/gadgets', gadgetsRouter);";

/** The app file after generating the gadgets resource into it (a second generation must change nothing). */
function registered(appLines: readonly string[], extra: Record<string, string> = {}): string {
  const store = new Map(Object.entries({ 'src/app.ts': `${appLines.join('\n')}\n`, ...extra }));
  const files: ProjectFiles = { read: (p) => store.get(p), exists: (p) => store.has(p) };
  const apply = (out: readonly GeneratedFile[]): void => out.forEach((f) => store.set(f.path, f.after));
  apply(expressGenerator.generate({ spec: GADGETS, options: OPTIONS, files, handlerBodies: {} }));
  assert.deepEqual(expressGenerator.generate({ spec: GADGETS, options: OPTIONS, files, handlerBodies: {} }), [], 're-run changes nothing');
  const text = store.get('src/app.ts') ?? assert.fail('no app');
  assert.equal(text.split(MOUNT).length, 2, `mounted once:\n${text}`);
  return text;
}

/** The statement lines of the app file in order, imports left out. */
const body = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('import '));

describe('codegen: express mounts the first router after the app-wide middleware, before 404/error handlers and listen', () => {
  it('after the body parser of an app without routers (express5-vitest), not right after express()', () => {
    const text = registered(["import express from 'express';", '', 'export const app = express();', '', 'app.use(express.json());', '', "app.get('/health', (_req, res) => {", "  res.json({ status: 'ok' });", '});']);
    assert.deepEqual(body(text).slice(0, 3), ['export const app = express();', 'app.use(express.json());', MOUNT]);
  });

  it('after cors, helmet, the body parser, settings and a logger; before the named 404 and error handlers and listen', () => {
    const text = registered([
      "import express from 'express';",
      "import cors from 'cors';",
      "import { errorHandler, notFound, requestLogger } from './middleware';",
      'const app = express();',
      "app.set('trust proxy', 1);",
      'app.use(cors());',
      'app.use(express.json());',
      'app.use(requestLogger);',
      'app.use(notFound);',
      'app.use(errorHandler());',
      'app.listen(3000);',
      'export default app;',
    ], { 'src/middleware.ts': 'export const errorHandler = () => () => undefined;\nexport const notFound = () => undefined;\nexport const requestLogger = () => undefined;\n' });
    const lines = body(text);
    assert.equal(lines.indexOf(MOUNT), lines.indexOf('app.use(requestLogger);') + 1, text);
    assert.equal(lines.indexOf('app.use(notFound);'), lines.indexOf(MOUNT) + 1, text);
  });

  it('before an inline error handler (four parameters) and an inline 404 answer, whatever their names', () => {
    const text = registered([
      "import express from 'express';",
      'export const app = express();',
      'app.use(express.urlencoded({ extended: true }));',
      'app.use((_req, res) => { res.status(404).json({ message: \'nope\' }); });',
      'app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => { res.status(500).json({ message: err.message }); });',
    ]);
    const lines = body(text);
    assert.equal(lines[1], 'app.use(express.urlencoded({ extended: true }));');
    assert.equal(lines[2], MOUNT, text);
  });

  it('inside an app factory: after its middleware, before `return app`', () => {
    const text = registered([
      "import express from 'express';",
      'export function createApp() {',
      '  const app = express();',
      '  app.use(express.json());',
      '  return app;',
      '}',
    ]);
    assert.match(text, /app\.use\(express\.json\(\)\);\n {2}app\.use\('\/gadgets', gadgetsRouter\);\n {2}return app;/);
  });

  it('right after express() when the app has no middleware at all', () => {
    const text = registered(["import express from 'express';", 'export const app = express();', 'app.listen(3000);']);
    assert.deepEqual(body(text), ['export const app = express();', MOUNT, 'app.listen(3000);']);
  });
});
