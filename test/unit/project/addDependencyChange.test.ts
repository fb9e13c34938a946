import assert from 'node:assert/strict';
import { RoutecraftError } from '../../../src/core/errors';
import { addDependencyChange, zodVersionForTypeScript } from '../../../src/core/project';

function doTest(before: string, expected: string, name = 'zod', range = '^4.0.0'): void {
  const after = addDependencyChange(before, name, range);
  assert.equal(after, expected);
  JSON.parse(after);
}

describe('project/addDependencyChange', () => {
  it('inserts in alphabetical order into a sorted section, 2 spaces, trailing newline kept', () => {
    doTest(
      '{\n  "name": "a",\n  "dependencies": {\n    "express": "^4.21.0",\n    "helmet": "^8.0.0"\n  }\n}\n',
      '{\n  "name": "a",\n  "dependencies": {\n    "express": "^4.21.0",\n    "helmet": "^8.0.0",\n    "zod": "^4.0.0"\n  }\n}\n',
    );
    doTest(
      '{\n  "dependencies": {\n    "express": "^4.21.0",\n    "zzz": "1.0.0"\n  }\n}\n',
      '{\n  "dependencies": {\n    "express": "^4.21.0",\n    "zod": "^4.0.0",\n    "zzz": "1.0.0"\n  }\n}\n',
    );
  });

  it('appends to an unsorted section, keeping its order; 4 spaces; no trailing newline stays without', () => {
    doTest(
      '{\n    "dependencies": {\n        "yaml": "^2.0.0",\n        "express": "^4.21.0"\n    }\n}',
      '{\n    "dependencies": {\n        "yaml": "^2.0.0",\n        "express": "^4.21.0",\n        "zod": "^4.0.0"\n    }\n}',
    );
  });

  it('keeps tabs and CRLF line endings', () => {
    doTest(
      '{\r\n\t"name": "a",\r\n\t"dependencies": {\r\n\t\t"express": "^5.0.0"\r\n\t}\r\n}\r\n',
      '{\r\n\t"name": "a",\r\n\t"dependencies": {\r\n\t\t"express": "^5.0.0",\r\n\t\t"zod": "^4.0.0"\r\n\t}\r\n}\r\n',
    );
  });

  it('creates the section before devDependencies, or at the end; fills an empty section', () => {
    doTest(
      '{\n  "name": "a",\n  "scripts": {\n    "test": "jest"\n  },\n  "devDependencies": {\n    "jest": "^29.0.0"\n  }\n}\n',
      '{\n  "name": "a",\n  "scripts": {\n    "test": "jest"\n  },\n  "dependencies": {\n    "zod": "^3.25.0"\n  },\n  "devDependencies": {\n    "jest": "^29.0.0"\n  }\n}\n',
      'zod', '^3.25.0',
    );
    doTest('{\n  "name": "a"\n}\n', '{\n  "name": "a",\n  "dependencies": {\n    "zod": "^4.0.0"\n  }\n}\n');
    doTest('{\n  "name": "a",\n  "dependencies": {}\n}\n', '{\n  "name": "a",\n  "dependencies": {\n    "zod": "^4.0.0"\n  }\n}\n');
    doTest('{}\n', '{\n  "dependencies": {\n    "zod": "^4.0.0"\n  }\n}\n');
  });

  it('handles values with nested objects and escaped quotes; a one-line section becomes multi-line, as npm writes it', () => {
    doTest(
      '{\n  "config": { "a": "x\\"}" },\n  "dependencies": { "express": "^4.0.0" }\n}\n',
      '{\n  "config": { "a": "x\\"}" },\n  "dependencies": {\n    "express": "^4.0.0",\n    "zod": "^4.0.0"\n  }\n}\n',
    );
  });

  it('reads a package.json with comments or a "}" inside a string without losing anything', () => {
    doTest(
      '{\n  "scripts": { "x": "echo \\"}\\" // not a comment" },\n  "dependencies": {\n    "a": "1"\n  }\n}\n',
      '{\n  "scripts": { "x": "echo \\"}\\" // not a comment" },\n  "dependencies": {\n    "a": "1",\n    "zod": "^4.0.0"\n  }\n}\n',
    );
  });

  it('leaves the text unchanged when the package is already a dependency or devDependency', () => {
    const text = '{\n  "devDependencies": {\n    "zod": "^3.22.0"\n  }\n}\n';
    assert.equal(addDependencyChange(text, 'zod', '^4.0.0'), text);
  });

  it('refuses a package.json that is not JSON, saying what to add by hand', () => {
    assert.throws(() => addDependencyChange('{ "name": ', 'zod', '^4.0.0'), (error: unknown) => error instanceof RoutecraftError && /"zod": "\^4\.0\.0"/.test(error.message));
  });
});

describe('project/zodVersionForTypeScript', () => {
  it('zod 4 from TypeScript 5.5, else zod 3.25 (also when TypeScript is unknown)', () => {
    assert.deepEqual(zodVersionForTypeScript('5.5.0'), { range: '^4.0.0', major: 4 });
    assert.deepEqual(zodVersionForTypeScript('^5.8.3'), { range: '^4.0.0', major: 4 });
    assert.deepEqual(zodVersionForTypeScript('6.0.3'), { range: '^4.0.0', major: 4 });
    assert.deepEqual(zodVersionForTypeScript('5.4.5'), { range: '^3.25.0', major: 3 });
    assert.deepEqual(zodVersionForTypeScript('~5.4.0'), { range: '^3.25.0', major: 3 });
    assert.deepEqual(zodVersionForTypeScript('4.9.5'), { range: '^3.25.0', major: 3 });
    assert.deepEqual(zodVersionForTypeScript(undefined), { range: '^3.25.0', major: 3 });
  });
});
