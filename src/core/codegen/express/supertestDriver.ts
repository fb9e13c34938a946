import { relativeModule } from '../shared/imports';
import type { HttpTestDriver } from '../shared/tests/httpTestDriver';
import type { ExpressApp } from './expressApp';

/** Express tests send requests with supertest against the app the project exports. */
export function supertestDriver(app: ExpressApp, importExtension: '' | '.js'): HttpTestDriver {
  return {
    imports: (testFile) => [
      { moduleSpecifier: 'supertest', defaultName: 'request' },
      app.exportName === 'default'
        ? { moduleSpecifier: relativeModule(testFile, app.path, importExtension), defaultName: 'app' }
        : { moduleSpecifier: relativeModule(testFile, app.path, importExtension), named: [{ name: app.exportName }] },
    ],
    send: (req) => {
      const appName = app.exportName === 'default' ? 'app' : app.exportName;
      let chain = `await request(${appName}).${req.method.toLowerCase()}(${req.url})`;
      if (req.query !== undefined) {
        chain += `.query(${req.query})`;
      }
      if (req.body !== undefined) {
        chain += `.send(${req.body})`;
      }
      return [`const ${req.res} = ${chain};`];
    },
    status: (res) => `${res}.status`,
    body: (res) => `${res}.body`,
    header: (res, name) => `${res}.headers.${name}`,
  };
}
