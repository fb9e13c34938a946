import assert from 'node:assert/strict';
import { RoutecraftError } from '../../../src/core/errors';
import { createRedactor, parseCustomPattern, restore } from '../../../src/core/privacy';

describe('privacy/options', () => {
  const text = 'mail ann@acme.io, call +44 20 7946 0958, key sk_live_B16JC5kV3ECqWp1OrXXHFOpr';

  it('turns categories off one by one', () => {
    const noEmail = createRedactor({ categories: { EMAIL: false } }).redactText(text);
    assert.equal(noEmail.value, 'mail ann@acme.io, call <PHONE_1>, key <SECRET_1>');
    assert.equal(noEmail.counts.EMAIL, 0);
    const onlyEmail = createRedactor({ categories: { PHONE: false, SECRET: false } }).redactText(text);
    assert.equal(onlyEmail.value, 'mail <EMAIL_1>, call +44 20 7946 0958, key sk_live_B16JC5kV3ECqWp1OrXXHFOpr');
  });

  it('adds custom patterns with their own placeholder prefix, treated as secrets', () => {
    const redactor = createRedactor({
      customPatterns: [
        { name: 'employee id', pattern: String.raw`\bEMP-\d{6}\b` },
        { name: 'Internal host', pattern: String.raw`host=(?<v>[a-z0-9-]+)\.corp\b`, flags: 'i' },
      ],
    });
    const result = redactor.redactText('EMP-004211 on host=Billing-7.corp and EMP-004211');
    assert.equal(result.value, '<EMPLOYEE_ID_1> on host=<INTERNAL_HOST_1>.corp and <EMPLOYEE_ID_1>');
    assert.equal(result.counts.CUSTOM, 3);
    assert.equal(restore(result.value, result.placeholders, { mode: 'display' }), 'EMP-004211 on host=Billing-7.corp and EMP-004211');
    assert.equal(restore('id = "<EMPLOYEE_ID_1>"', result.placeholders, { mode: 'code' }), 'id = process.env.EMPLOYEE_ID_1');
  });

  it('rejects invalid custom patterns with a clear error naming each one', () => {
    assert.throws(
      () => createRedactor({ customPatterns: [{ name: 'ticket', pattern: 'TCK-(\\d+' }, { name: 'ok', pattern: 'x+' }, { name: 'any', pattern: '.*' }] }),
      (error: unknown) => {
        assert.ok(error instanceof RoutecraftError);
        assert.equal(error.code, 'invalid-input');
        assert.match(error.message, /Custom redaction pattern "ticket" is not a valid regular expression: .*Unterminated group/);
        assert.match(error.message, /"any" matches the empty string/);
        assert.doesNotMatch(error.message, /"ok"/);
        return true;
      },
    );
  });

  it('checks names and flags', () => {
    assert.equal(parseCustomPattern({ name: 'email', pattern: 'x' }).kind, 'invalid');
    assert.equal(parseCustomPattern({ name: '123', pattern: 'x' }).kind, 'invalid');
    assert.equal(parseCustomPattern({ name: 'a', pattern: 'x', flags: 'y' }).kind, 'invalid');
    assert.equal(parseCustomPattern({ name: 'a', pattern: 'x', flags: 'is' }).kind, 'ok');
  });
});
