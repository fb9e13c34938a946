import { relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { HttpTestDriver } from '../shared/tests/httpTestDriver';
import type { CodeStyle } from '../types';
import type { HonoApp } from './honoApp';

/**
 * Hono tests send requests with `app.request()` against the app the project exports. A body a later
 * step reads is parsed once, right after the request (`JSON.parse` of the text: a 204 is never parsed).
 */
export function requestDriver(app: HonoApp, importExtension: '' | '.js', style: CodeStyle): HttpTestDriver {
  const appName = app.exportName === 'default' ? 'app' : app.exportName;
  const q = (s: string): string => stringLiteral(s, style);
  return {
    imports: (testFile) => {
      const moduleSpecifier = relativeModule(testFile, app.path, importExtension);
      return [app.exportName === 'default' ? { moduleSpecifier, defaultName: 'app' } : { moduleSpecifier, named: [{ name: app.exportName }] }];
    },
    send: (req) => {
      const init = [
        ...(req.method !== 'GET' ? [`method: ${q(req.method)}`] : []),
        ...(req.body !== undefined ? [`headers: { ${q('Content-Type')}: ${q('application/json')} }`, `body: JSON.stringify(${req.body})`] : []),
      ];
      const args = init.length > 0 ? `${req.urlWithQuery}, { ${init.join(', ')} }` : req.urlWithQuery;
      const statements = [`const ${req.res} = await ${appName}.request(${args});`];
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
