import assert from 'node:assert/strict';
import { extractCodeBlocks, extractJson } from '../../../src/core/llm/structured';
import { HOSTILE_ANSWERS } from '../../support/hostileAnswers';

function jsonOf(text: string): unknown {
  const result = extractJson(text);
  assert.ok('json' in result, 'error' in result ? result.error : 'no json');
  return result.json;
}

describe('extractJson', () => {
  it('reads a bare JSON answer (surrounding whitespace allowed)', () => {
    assert.deepEqual(jsonOf('  {"a": 1, "b": [true, null]}\n'), { a: 1, b: [true, null] });
    assert.deepEqual(jsonOf('[1, 2]'), [1, 2]);
  });

  it('reads a ```json fenced block amid prose, preferring it over unlabelled blocks', () => {
    const text = 'Here you go:\n```\n{"wrong": true}\n```\n```json\n{"right": true}\n```\nThanks.';
    assert.deepEqual(jsonOf(text), { right: true });
  });

  it('reads an unlabelled fenced block that holds JSON', () => {
    assert.deepEqual(jsonOf('Answer:\n```\n{"x": 1}\n```'), { x: 1 });
  });

  it('finds the first balanced object in prose, with braces inside strings', () => {
    const text = 'Sure! The plan is {"route": "/users/{id}", "note": "a } and a \\" quote"} — enjoy {not json}.';
    assert.deepEqual(jsonOf(text), { route: '/users/{id}', note: 'a } and a " quote' });
  });

  it('skips a non-JSON brace group before the real JSON', () => {
    assert.deepEqual(jsonOf('Use {this} form: {"ok": 1}'), { ok: 1 });
  });

  it('prefers JSON in prose over brackets inside a code block', () => {
    const text = '```ts\nconst xs = [1, 2];\n```\nResult: {"ok": true}';
    const result = extractJson(text);
    assert.ok('json' in result);
    assert.deepEqual(result.json, { ok: true });
    assert.equal(result.from, 'prose');
  });

  it('says why when there is no JSON', () => {
    assert.deepEqual(extractJson(''), { error: 'the answer is empty' });
    const none = extractJson('I cannot help with that.');
    assert.ok('error' in none && /no JSON/.test(none.error));
    const broken = extractJson('```json\n{"a": 1,,}\n```');
    assert.ok('error' in broken && /not valid JSON/.test(broken.error));
  });

  // Timing lives in `npm run bench` (bench/gateway.ts); this checks the answers on hostile input.
  it('answers correctly on hostile input (deep nesting, unbalanced braces, many fences, one huge line)', () => {
    for (const { label, text, hasJson } of HOSTILE_ANSWERS) {
      const result = extractJson(text);
      assert.equal('json' in result, hasJson, label);
    }
  });
});

describe('extractCodeBlocks', () => {
  it('returns language, info and code of each fenced block', () => {
    const text = [
      '{"name": "x"}',
      '```ts title="handler.ts"',
      'export const a = 1;',
      '```',
      'and',
      '~~~~python',
      'print("```")',
      '~~~~',
    ].join('\n');
    const blocks = extractCodeBlocks(text);
    assert.deepEqual(blocks.map((b) => ({ lang: b.lang, info: b.info, code: b.code })), [
      { lang: 'ts', info: 'ts title="handler.ts"', code: 'export const a = 1;' },
      { lang: 'python', info: 'python', code: 'print("```")' },
    ]);
  });

  it('keeps an unclosed block (answer cut by a token limit) and handles CRLF', () => {
    assert.deepEqual(extractCodeBlocks('```js\r\nlet a;\r\nlet b;').map((b) => [b.lang, b.code]), [['js', 'let a;\nlet b;']]);
  });

  it('needs a closing fence at least as long as the opening one', () => {
    const blocks = extractCodeBlocks('````md\n```ts\ninner\n```\n````');
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0]!.code, '```ts\ninner\n```');
  });
});
