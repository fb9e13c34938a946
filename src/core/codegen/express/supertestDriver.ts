import { relativeModule } from '../shared/imports';
import type { HttpTestDriver } from '../shared/testWriters/httpTestDriver';
import { supertestCalls } from '../shared/testWriters/supertestCalls';
import { appExpression, type ExpressApp } from './expressApp';

/**
 * Express tests send requests with supertest against the app the project exports, imported through
 * `appSpecifier` when the neighbouring tests use one (an alias such as `@/server`), else relatively.
 */
export function supertestDriver(app: ExpressApp, importExtension: '' | '.js', appSpecifier?: string): HttpTestDriver {
  return {
    imports: (testFile) => {
      const moduleSpecifier = appSpecifier ?? relativeModule(testFile, app.path, importExtension);
      const local = app.factory ?? 'app';
      return [
        { moduleSpecifier: 'supertest', defaultName: 'request' },
        app.exportName === 'default' ? { moduleSpecifier, defaultName: local } : { moduleSpecifier, named: [{ name: app.exportName }] },
      ];
    },
    ...supertestCalls(appExpression(app)),
  };
}
