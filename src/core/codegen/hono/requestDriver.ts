import { relativeModule, type ImportSpec } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { HttpTestDriver } from '../shared/testWriters/httpTestDriver';
import type { CodeStyle } from '../types';
import type { HonoApp } from './honoApp';

/**
 * `app.request()` calls against `appExpression` (the exported app, or `createTestApp(router)`). A
 * body a later step reads is parsed once, right after the request (`JSON.parse` of the text: a 204
 * is never parsed).
 */
export function appRequestDriver(appExpression: string, imports: (testFile: string) => ImportSpec[], style: CodeStyle): HttpTestDriver {
  const q = (s: string): string => stringLiteral(s, style);
  return {
    imports,
    send: (req) => {
      const init = [
        ...(req.method !== 'GET' ? [`method: ${q(req.method)}`] : []),
        ...(req.body !== undefined ? [`headers: { ${q('Content-Type')}: ${q('application/json')} }`, `body: JSON.stringify(${req.body})`] : []),
      ];
      const args = init.length > 0 ? `${req.urlWithQuery}, { ${init.join(', ')} }` : req.urlWithQuery;
      const statements = [`const ${req.res} = await ${appExpression}.request(${args});`];
      if (req.readsBody) {
        statements.push(`const ${req.res}Body = JSON.parse(await ${req.res}.text());`);
      }
      return statements;
    },
    status: (res) => `${res}.status`,
    body: (res) => `${res}Body`,
    header: (res, name) => `${res}.headers.get(${q(name)})`,
  };
}

/** Hono tests send requests with `app.request()` against the app the project exports. */
export function requestDriver(app: HonoApp, importExtension: '' | '.js', style: CodeStyle): HttpTestDriver {
  const appName = app.exportName === 'default' ? 'app' : app.exportName;
  return appRequestDriver(appName, (testFile) => {
    const moduleSpecifier = relativeModule(testFile, app.path, importExtension);
    return [app.exportName === 'default' ? { moduleSpecifier, defaultName: 'app' } : { moduleSpecifier, named: [{ name: app.exportName }] }];
  }, style);
}
