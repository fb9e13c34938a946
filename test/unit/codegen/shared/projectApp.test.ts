import assert from 'node:assert/strict';
import { Node, Project, type SourceFile } from 'ts-morph';
import { exportNameOf, findExportedApp } from '../../../../src/core/codegen/shared/projectApp';

function source(text: string): SourceFile {
  return new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true }).createSourceFile('/src/app.ts', text);
}

const createsApp = (init: Node): boolean => Node.isCallExpression(init) && init.getExpression().getText() === 'makeApp';

describe('shared/projectApp', () => {
  it('finds the app however it is exported: export const, export default, export { app as … }', () => {
    assert.deepEqual(findExportedApp('src/app.ts', source('export const app = makeApp();\n'), createsApp), { path: 'src/app.ts', localName: 'app', exportName: 'app' });
    assert.deepEqual(findExportedApp('src/app.ts', source('const app = makeApp();\nexport default app;\n'), createsApp), { path: 'src/app.ts', localName: 'app', exportName: 'default' });
    assert.deepEqual(findExportedApp('src/app.ts', source('const app = makeApp();\nexport { app as server };\n'), createsApp), { path: 'src/app.ts', localName: 'app', exportName: 'server' });
  });

  it('passes over an app the file does not export and variables that are no app', () => {
    const file = source('const draft = makeApp();\nexport const other = 1;\nexport const app = makeApp();\n');
    assert.deepEqual(findExportedApp('src/app.ts', file, createsApp), { path: 'src/app.ts', localName: 'app', exportName: 'app' });
    assert.equal(findExportedApp('src/app.ts', source('const app = makeApp();\nexport const other = 1;\n'), createsApp), undefined);
  });

  it('exportNameOf: the local name when exported, else default or the alias, else undefined', () => {
    const file = source('const a = 1;\nconst b = 2;\nconst c = 3;\nexport default a;\nexport { b as bee };\n');
    assert.equal(exportNameOf(file, 'c', true), 'c');
    assert.equal(exportNameOf(file, 'a', false), 'default');
    assert.equal(exportNameOf(file, 'b', false), 'bee');
    assert.equal(exportNameOf(file, 'c', false), undefined);
  });
});
