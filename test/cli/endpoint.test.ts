import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { FakeLlmServer } from '../support/fakeLlmServer';
import { snapshotTree } from '../support/snapshotTree';
import { prepareWorkspace } from '../generation/fixtureWorkspace';

const examples = join(__dirname, '..', '..', 'docs', 'spec-examples');


async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env, cwd: process.cwd(), signal: new AbortController().signal });
  return { code, out, err };
}

const registrationSpec = {
  version: 1,
  resource: 'account',
  endpoints: [{
    operationId: 'registerAccount',
    method: 'POST',
    path: '/accounts/register',
    summary: 'Register an account',
    body: {
      type: 'object',
      required: ['email', 'password', 'phone'],
      properties: {
        email: { type: 'string', format: 'email' },
        phone: { type: 'string', pattern: '^\\+?[0-9 ]{7,15}$', examples: ['+44 20 7946 0958'] },
        password: { type: 'string', minLength: 8, pattern: '(?=.*[a-z])(?=.*[A-Z])', examples: ['Secret123'] },
      },
    },
    responses: { '201': { description: 'created' }, '400': { description: 'invalid' }, '409': { description: 'email taken' } },
    logic: 'email must be unique',
  }],
};

function answer(spec: unknown, body: string): string {
  return `Here is the spec.\n\n\`\`\`json\n${JSON.stringify(spec, undefined, 2)}\n\`\`\`\n\n\`\`\`ts registerAccount\n${body}\n\`\`\`\n`;
}

describe('routecraft endpoint (CLI)', function () {
  this.timeout(120_000);
  let llm: FakeLlmServer;
  let root: string;
  beforeEach(async () => {
    llm = await FakeLlmServer.start();
    root = prepareWorkspace('express5-vitest', 'cli-endpoint');
  });
  afterEach(async () => {
    await llm.close();
  });

  it('--spec prints the diff and writes nothing; --write applies it; a re-run changes nothing', async () => {
    const before = snapshotTree(root);
    const dry = await cli(['endpoint', '--spec', join(examples, 'products-crud.yaml'), '--project', root]);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^diff --git a\/src\/schemas\/products\.ts/m);
    assert.match(dry.out, /\+\+\+ b\/src\/app\.ts/);
    assert.deepEqual(snapshotTree(root), before, 'nothing written without --write');
    assert.equal(llm.requests.length, 0);

    const wrote = await cli(['endpoint', '--spec', join(examples, 'products-crud.yaml'), '--project', root, '--write']);
    assert.equal(wrote.code, 0, wrote.err);
    assert.match(wrote.err, /Wrote \d+ file\(s\)/);
    assert.match(readFileSync(join(root, 'src', 'app.ts'), 'utf8'), /productsRouter/);

    const again = await cli(['endpoint', '--spec', join(examples, 'products-crud.yaml'), '--project', root]);
    assert.equal(again.code, 0, again.err);
    assert.equal(again.out, '', 'no diff the second time');
  });

  it('a description goes to the LLM, whose spec and handler body become the diff', async () => {
    llm.enqueue({ kind: 'text', text: answer(registrationSpec, "res.status(201).json({ email: body.email, phone: body.phone });") });
    const r = await cli(['endpoint', 'account registration takes phone, email and password', '--project', root], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(r.code, 0, r.err);
    assert.equal(llm.requests.length, 1);
    const sent = JSON.stringify(llm.requests[0]!.body);
    assert.match(sent, /account registration takes phone, email and password/);
    assert.match(sent, /Handler bodies: The body is the statements of an Express route handler/);
    assert.match(r.out, /res\.status\(201\)\.json\(\{ email: body\.email, phone: body\.phone \}\)/);
    assert.match(r.out, /\+\+\+ b\/test\/accounts\.test\.ts/);
  });

  it('an answer that fails validation twice is a clear error and changes nothing', async () => {
    const before = snapshotTree(root);
    llm.enqueue({ kind: 'text', text: 'not json at all' }, { kind: 'text', text: '```json\n{"version": 2}\n```' });
    const r = await cli(['endpoint', 'something', '--project', root], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(r.code, 1);
    assert.match(r.err, /could not be used; nothing was written/);
    assert.equal(llm.requests.length, 2, 'one repair turn');
    assert.deepEqual(snapshotTree(root), before);
  });

  it('a hostile spec that aims outside the project is refused', async () => {
    const before = snapshotTree(root);
    const hostile = { ...registrationSpec, resource: '../../etc/passwd' };
    llm.enqueue({ kind: 'text', text: answer(hostile, '') }, { kind: 'text', text: answer(hostile, '') });
    const r = await cli(['endpoint', 'x', '--project', root], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(r.code, 1);
    assert.match(r.err, /resource/);
    assert.deepEqual(snapshotTree(root), before);
  });

  it('a handler body with type errors gets one repair round; remaining errors block --write', async () => {
    const before = snapshotTree(root);
    llm.enqueue(
      { kind: 'text', text: answer(registrationSpec, 'const n: number = body.email;\nres.status(201).json({ n });') },
      { kind: 'text', text: '```ts registerAccount\nconst n: number = body.phone;\nres.status(201).json({ n });\n```' },
    );
    const r = await cli(['endpoint', 'account registration', '--project', root, '--write'], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(llm.requests.length, 2, 'spec + one repair');
    assert.match(JSON.stringify(llm.requests[1]!.body), /TS2322/, 'the repair turn quotes the diagnostics');
    assert.equal(r.code, 1);
    assert.match(r.err, /error TS2322/);
    assert.match(r.err, /nothing was written/);
    assert.deepEqual(snapshotTree(root), before);
  });

  it('spec-schema prints the JSON Schema of the spec format', async () => {
    const r = await cli(['spec-schema']);
    assert.equal(r.code, 0);
    const schema = JSON.parse(r.out) as { properties?: Record<string, unknown> };
    assert.ok(schema.properties?.version && schema.properties.endpoints && schema.properties.crud);
  });
});
