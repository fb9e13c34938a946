import { relativeModule } from '../shared/imports';
import type { HttpTestDriver } from '../shared/tests/httpTestDriver';
import { supertestCalls } from '../shared/tests/supertestCalls';
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
    ...supertestCalls(app.exportName === 'default' ? 'app' : app.exportName),
  };
}
