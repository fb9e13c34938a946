import assert from 'node:assert/strict';
import { createRedactor, envVarName, restore, secretToEnvLookup } from '../../../src/core/privacy';
import { CORPUS } from './corpus';

describe('privacy/restore', () => {
  const redactor = createRedactor();

  it('round-trips every corpus sample in display mode', () => {
    for (const sample of CORPUS) {
      const { value, placeholders } = redactor.redactText(sample.text);
      assert.equal(restore(value, placeholders, { mode: 'display' }), sample.text);
    }
  });

  it('round-trips a whole request in display mode', () => {
    const messages = CORPUS.map((sample) => ({ role: 'user' as const, content: sample.text }));
    const result = redactor.redactMessages(messages);
    result.messages.forEach((message, i) => {
      assert.equal(restore(typeof message.content === 'string' ? message.content : '', result.placeholders, { mode: 'display' }), CORPUS[i]?.text);
    });
  });

  it('names the env lookup a secret placeholder becomes', () => {
    assert.equal(envVarName('<SECRET_1>'), 'SECRET_1');
    assert.equal(secretToEnvLookup('<PASSWORD_2>'), 'process.env.PASSWORD_2');
  });

  describe('code mode', () => {
    const key = 'sk_live_B16JC5kV3ECqWp1OrXXHFOpr';
    const { placeholders } = redactor.redactText(`key ${key} mail ann@acme.io`);
    const code = (text: string): string => restore(text, placeholders, { mode: 'code' });

    it('turns a whole quoted secret into an env lookup, never the secret', () => {
      assert.equal(code('const stripe = new Stripe("<SECRET_1>");'), 'const stripe = new Stripe(process.env.SECRET_1);');
      assert.equal(code("const k = '<SECRET_1>';"), 'const k = process.env.SECRET_1;');
      assert.equal(code('const k = `<SECRET_1>`;'), 'const k = process.env.SECRET_1;');
    });

    it('turns a secret inside a longer literal into a template literal', () => {
      assert.equal(code("headers: { Authorization: 'Bearer <SECRET_1>' },"), 'headers: { Authorization: `Bearer ${process.env.SECRET_1}` },');
      assert.equal(code('url: `https://x/?k=<SECRET_1>&a=${a}`'), 'url: `https://x/?k=${process.env.SECRET_1}&a=${a}`');
      assert.equal(code('"a `b` <SECRET_1> ${c}"'), '`a \\`b\\` ${process.env.SECRET_1} \\${c}`');
    });

    it('handles several placeholders in one literal and bare placeholders', () => {
      assert.equal(code('"<SECRET_1>:<SECRET_1>"'), '`${process.env.SECRET_1}:${process.env.SECRET_1}`');
      assert.equal(code('const k = <SECRET_1>;'), 'const k = process.env.SECRET_1;');
    });

    it('keeps personal data as the placeholder, and restores it for display', () => {
      assert.equal(code('to: "<EMAIL_1>"'), 'to: "<EMAIL_1>"');
      assert.equal(restore('to: "<EMAIL_1>"', placeholders, { mode: 'display' }), 'to: "ann@acme.io"');
    });

    it('never writes any corpus secret into code', () => {
      for (const sample of CORPUS.filter((s) => ['SECRET', 'PASSWORD', 'JWT', 'PRIVATE_KEY'].includes(s.category))) {
        const result = redactor.redactText(sample.text);
        const out = restore(result.value, result.placeholders, { mode: 'code' });
        assert.ok(!out.includes(sample.secret), out);
        assert.match(out, /process\.env\.[A-Z_]+_\d+/);
      }
    });

    it('accepts another env lookup and leaves unknown placeholders alone', () => {
      const py = restore('key = "<SECRET_1>" # <SECRET_9>', placeholders, { mode: 'code', envLookup: (p) => `os.environ["${envVarName(p)}"]` });
      assert.equal(py, 'key = os.environ["SECRET_1"] # <SECRET_9>');
    });
  });
});
