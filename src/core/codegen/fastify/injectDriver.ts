import type { ImportSpec } from '../shared/imports';
import { relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { HttpTestDriver } from '../shared/testWriters/httpTestDriver';
import type { CodeStyle } from '../types';
import type { FastifyApp } from './fastifyApp';

/**
 * Fastify tests send requests with `app.inject()`. A factory (`buildApp()`) gives each top-level
 * suite its own instance, built before its tests and closed after them; an exported instance is
 * imported as is.
 */
export function injectDriver(app: FastifyApp, importExtension: '' | '.js', style: CodeStyle): HttpTestDriver {
  const imported = app.exportName === 'default' ? (app.kind === 'factory' ? 'buildApp' : 'app') : app.exportName;
  const instance = app.kind === 'factory' ? 'app' : imported;
  return {
    imports: (testFile) => {
      const moduleSpecifier = relativeModule(testFile, app.path, importExtension);
      const specs: ImportSpec[] = [app.exportName === 'default' ? { moduleSpecifier, defaultName: imported } : { moduleSpecifier, named: [{ name: imported }] }];
      if (app.kind === 'factory') {
        specs.unshift({ moduleSpecifier: 'fastify', named: [{ name: 'FastifyInstance', typeOnly: true }] });
      }
      return specs;
    },
    send: (req) => {
      const fields = [`method: ${stringLiteral(req.method, style)}`, `url: ${req.urlWithQuery}`, ...(req.body !== undefined ? [`payload: ${req.body}`] : [])];
      return [`const ${req.res} = await ${instance}.inject({ ${fields.join(', ')} });`];
    },
    status: (res) => `${res}.statusCode`,
    body: (res) => `${res}.json()`,
    header: (res, name) => `${res}.headers.${name}`,
    ...(app.kind === 'factory'
      ? { suite: { declarations: ['let app: FastifyInstance;'], before: [`app = ${app.asyncFactory ? 'await ' : ''}${imported}();`], after: ['await app.close();'] } }
      : {}),
  };
}
