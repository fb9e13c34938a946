import assert from 'node:assert/strict';
import { buildExplainContext, buildExplainMessages } from '../../../src/core/explain';

const source = `import { hash } from './crypto';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class UserService {
  private readonly users = new Map<string, string>();

  register(email: string, password: string): string {
    const key = normalizeEmail(email);
    if (this.users.has(key)) {
      throw new Error('email taken');
    }
    this.users.set(key, hash(password));
    return key;
  }
}

export const isStrong = (password: string): boolean => password.length >= 8;
`;

function at(text: string, needle: string): number {
  const i = source.indexOf(needle);
  assert.ok(i >= 0, `fixture has ${needle}`);
  return i + (text === 'end' ? needle.length : 0);
}

describe('buildExplainContext', () => {
  it('finds the enclosing method and class name of a selection inside it', () => {
    const ctx = buildExplainContext({
      displayPath: 'src/users.ts',
      fileText: source,
      start: at('start', 'if (this.users.has(key))'),
      end: at('end', "throw new Error('email taken');"),
      maxLines: 400,
    });
    assert.equal(ctx.language, 'typescript');
    assert.match(ctx.selection.text, /^if \(this\.users\.has\(key\)\)/);
    assert.equal(ctx.selection.startLine, 12);
    assert.ok(ctx.enclosing, 'enclosing method found');
    assert.equal(ctx.enclosing.label, 'method UserService.register');
    assert.equal(ctx.enclosing.startLine, 10);
    assert.equal(ctx.truncated, false);
  });

  it('takes the whole function at the cursor when nothing is selected', () => {
    const cursor = at('start', 'trim()');
    const ctx = buildExplainContext({ displayPath: 'src/users.ts', fileText: source, start: cursor, end: cursor, maxLines: 400 });
    assert.match(ctx.selection.text, /^export function normalizeEmail[\s\S]*\}$/);
    assert.equal(ctx.enclosing, undefined, 'the selection already is the function');
  });

  it('shows an arrow function with its const statement', () => {
    const cursor = at('start', 'password.length >= 8');
    const ctx = buildExplainContext({ displayPath: 'src/users.ts', fileText: source, start: cursor, end: cursor, maxLines: 400 });
    assert.equal(ctx.selection.text, 'export const isStrong = (password: string): boolean => password.length >= 8;');
  });

  it('grounds the explanation in same-file functions the selection calls', () => {
    const ctx = buildExplainContext({
      displayPath: 'src/users.ts',
      fileText: source,
      start: at('start', 'const key = normalizeEmail(email);'),
      end: at('end', 'const key = normalizeEmail(email);'),
      maxLines: 400,
    });
    assert.deepEqual(ctx.callees.map((c) => c.label), ['function normalizeEmail']);
    assert.match(ctx.callees[0]!.text, /toLowerCase/);
  });

  it('bounds what it sends and says so', () => {
    const long = `function big() {\n${Array.from({ length: 500 }, (_, i) => `  const v${i} = ${i};`).join('\n')}\n}\n`;
    const ctx = buildExplainContext({ displayPath: 'big.ts', fileText: long, start: 0, end: long.length, maxLines: 50 });
    assert.equal(ctx.truncated, true);
    assert.ok(ctx.selection.text.split('\n').length <= 51);
    assert.match(ctx.selection.text, /453 more lines not sent/);
    const user = buildExplainMessages(ctx)[1]!.content as string;
    assert.match(user, /left out to keep the request small/);
  });

  it('handles files that are not TypeScript, and files with syntax errors, without throwing', () => {
    const py = 'def add(a, b):\n    return a + b\n';
    const pyCtx = buildExplainContext({ displayPath: 'calc.py', fileText: py, start: 20, end: 20, maxLines: 100 });
    assert.equal(pyCtx.language, 'python');
    assert.equal(pyCtx.selection.text, '    return a + b');

    const broken = 'export function f( {\n  return 1 +;\n';
    const ctx = buildExplainContext({ displayPath: 'broken.ts', fileText: broken, start: 0, end: broken.length, maxLines: 100 });
    assert.equal(ctx.selection.text, broken);
  });
});

describe('buildExplainMessages', () => {
  it('sends the selection, its enclosing code and line numbers, fenced with the language', () => {
    const ctx = buildExplainContext({
      displayPath: 'src/users.ts',
      fileText: source,
      start: at('start', 'this.users.set'),
      end: at('end', 'hash(password));'),
      maxLines: 400,
    });
    const [system, user] = buildExplainMessages(ctx);
    assert.equal(system!.role, 'system');
    assert.match(system!.content as string, /Markdown/);
    const text = user!.content as string;
    assert.match(text, /`src\/users\.ts`/);
    assert.match(text, /Selected code \(lines 15-15\):\n```typescript\nthis\.users\.set\(key, hash\(password\)\);\n```/);
    assert.match(text, /method UserService\.register \(lines 10-17\)/);
  });

  it('uses a longer fence when the code itself contains a fence', () => {
    const md = 'const s = "```";\n';
    const ctx = buildExplainContext({ displayPath: 'a.ts', fileText: md, start: 0, end: md.length - 1, maxLines: 10 });
    assert.match(buildExplainMessages(ctx)[1]!.content as string, /````typescript\n/);
  });
});
