import assert from 'node:assert/strict';
import { createRedactor, PLACEHOLDER_PATTERN } from '../../../src/core/privacy';
import { CORPUS } from './corpus';
import { LOOKALIKES } from './lookalikes';

describe('privacy/redactor: corpus', () => {
  const redactor = createRedactor();
  const stats = { samples: CORPUS.length, caught: 0, rightCategory: 0, lookalikes: LOOKALIKES.length, falsePositives: 0 };

  after(() => {
    console.log(
      `      redaction corpus: recall ${stats.caught}/${stats.samples} (right category ${stats.rightCategory}/${stats.samples}); ` +
        `false positives ${stats.falsePositives}/${stats.lookalikes} look-alikes`,
    );
  });

  it(`has at least 60 samples and 25 look-alikes (${CORPUS.length} / ${LOOKALIKES.length})`, () => {
    assert.ok(CORPUS.length >= 60);
    assert.ok(LOOKALIKES.length >= 25);
    for (const sample of CORPUS) {
      assert.ok(sample.text.includes(sample.secret), `corpus sample must contain its secret: ${sample.text}`);
    }
  });

  it('removes every secret and counts it under the right category', () => {
    const problems: string[] = [];
    for (const sample of CORPUS) {
      const { value, counts } = redactor.redactText(sample.text);
      const gone = !value.includes(sample.secret);
      stats.caught += gone ? 1 : 0;
      stats.rightCategory += gone && counts[sample.category] > 0 ? 1 : 0;
      if (!gone) {
        problems.push(`[${sample.category}/${sample.where}] not redacted:\n  ${value}`);
      } else if (counts[sample.category] === 0) {
        problems.push(`[${sample.category}/${sample.where}] wrong category ${JSON.stringify(counts)}:\n  ${value}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('leaves every look-alike unchanged', () => {
    const changed: string[] = [];
    for (const text of LOOKALIKES) {
      const { value } = redactor.redactText(text);
      if (value !== text) {
        stats.falsePositives += 1;
        changed.push(`${text}\n  → ${value}`);
      }
    }
    assert.deepEqual(changed, []);
  });

  it('never leaves a partial secret: the placeholder takes the place of the whole value', () => {
    const { value } = redactor.redactText('const apiKey = "sk-proj-abc123DEF456ghi789JKL012mno"; // rotate');
    assert.equal(value, 'const apiKey = "<SECRET_1>"; // rotate');
  });
});

describe('privacy/redactor: placeholders', () => {
  const redactor = createRedactor();

  it('gives the same value the same placeholder across messages, numbered per category', () => {
    const key = 'sk-proj-abc123DEF456ghi789JKL012mno';
    const result = redactor.redactMessages([
      { role: 'system', content: 'You help with backend code.' },
      { role: 'user', content: `key ${key}, mail bob@acme.io and ann@acme.io` },
      { role: 'assistant', content: 'Which file?' },
      { role: 'user', content: [{ type: 'text', text: `again ${key} and bob@acme.io` }, { type: 'image_url', image_url: { url: 'https://x/y.png' } }] },
    ]);
    assert.equal(result.messages[1]?.content, 'key <SECRET_1>, mail <EMAIL_1> and <EMAIL_2>');
    assert.deepEqual(result.messages[3]?.content, [
      { type: 'text', text: 'again <SECRET_1> and <EMAIL_1>' },
      { type: 'image_url', image_url: { url: 'https://x/y.png' } },
    ]);
    assert.equal(result.counts.SECRET, 2);
    assert.equal(result.counts.EMAIL, 3);
    assert.deepEqual(result.placeholders.get('<SECRET_1>'), { value: key, category: 'SECRET' });
    assert.equal(result.placeholders.size, 3);
  });

  it('replaces later bare occurrences of a value found in context', () => {
    const { value } = redactor.redactText('DB_PASSWORD=Winter2024!\nthen I typed Winter2024! again');
    assert.equal(value, 'DB_PASSWORD=<PASSWORD_1>\nthen I typed <PASSWORD_1> again');
  });

  it('does not reuse placeholder-shaped text already in the prompt', () => {
    const { value, placeholders } = redactor.redactText('the docs say <EMAIL_1>; mine is kim@acme.io');
    assert.equal(value, 'the docs say <EMAIL_1>; mine is <EMAIL_2>');
    assert.equal(placeholders.has('<EMAIL_1>'), false);
  });

  it('redacts tool-call arguments and leaves the input messages untouched', () => {
    const messages = [
      {
        role: 'assistant' as const,
        content: null,
        tool_calls: [{ id: 'c1', type: 'function' as const, function: { name: 'db', arguments: '{"password":"p4ssw0rd!"}' } }],
      },
    ];
    const result = redactor.redactMessages(messages);
    const out = result.messages[0];
    assert.ok(out?.role === 'assistant');
    const call = out.tool_calls?.[0];
    assert.ok(call?.type === 'function');
    assert.equal(call.function.arguments, '{"password":"<PASSWORD_1>"}');
    assert.equal(messages[0]?.tool_calls[0]?.function.arguments, '{"password":"p4ssw0rd!"}');
  });

  it('numbers by first appearance and only emits well-formed placeholders', () => {
    const { value } = redactor.redactText('a@acme.io b@acme.io a@acme.io +44 20 7946 0958');
    assert.equal(value, '<EMAIL_1> <EMAIL_2> <EMAIL_1> <PHONE_1>');
    assert.equal(value.match(PLACEHOLDER_PATTERN)?.length, 4);
  });
});
