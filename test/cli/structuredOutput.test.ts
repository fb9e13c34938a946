import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { FakeLlmServer } from '../support/fakeLlmServer';
import { snapshotTree } from '../support/snapshotTree';
import { prepareWorkspace } from '../generation/fixtureWorkspace';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env, cwd: process.cwd(), signal: new AbortController().signal });
  return { code, out, err };
}

const spec = {
  version: 1,
  resource: 'account',
  endpoints: [{
    operationId: 'registerAccount',
    method: 'POST',
    path: '/accounts/register',
    summary: 'Register an account',
    body: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } },
    responses: { '201': { description: 'created' }, '400': { description: 'invalid' } },
    logic: 'email must be unique',
  }],
};
const body = 'res.status(201).json({ email: body.email });';

interface SentBody {
  response_format?: { type: string; json_schema: { name: string } };
  messages: { role: string; content: string }[];
}

describe('routecraft endpoint with structured output (CLI)', function () {
  this.timeout(120_000);
  let root: string;
  beforeEach(() => {
    root = prepareWorkspace('express5-vitest', 'cli-structured-output');
  });

  it('sends the spec schema as response_format; a JSON-only answer gets its handler body in one follow-up turn', async () => {
    const llm = await FakeLlmServer.start();
    try {
      llm.enqueue({ kind: 'text', text: JSON.stringify(spec), usage: { prompt_tokens: 812, completion_tokens: 160 } }, { kind: 'text', text: `\`\`\`ts registerAccount\n${body}\n\`\`\``, usage: { prompt_tokens: 1003, completion_tokens: 21 } });
      const audit = join(root, '..', `audit-${String(Date.now())}.jsonl`);
      const r = await cli(['endpoint', 'account registration by email', '--project', root, '--audit-log', audit, '--no-cache'], { OPENAI_BASE_URL: llm.baseUrl });
      assert.equal(r.code, 0, r.err);
      assert.equal(llm.requests.length, 2);
      const [first, second] = llm.requests.map((q) => q.body as SentBody);
      assert.equal(first?.response_format?.type, 'json_schema');
      assert.equal(first.response_format.json_schema.name, 'routecraft-endpoint-spec_1');
      assert.ok(second);
      assert.equal(second.response_format, undefined);
      assert.match(second.messages.at(-1)!.content, /^Now give the handler body[^\n]*\n- registerAccount: email must be unique\n/);
      assert.match(r.out, /res\.status\(201\)\.json\(\{ email: body\.email \}\)/);
      assert.match(r.err, /2 calls, 1,815 tokens in \/ 181 out/);
      const lines = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { purpose: string; tokensIn: number; tokensOut: number; tokensEstimated: boolean });
      assert.deepEqual(lines.map((l) => [l.purpose, l.tokensIn, l.tokensOut, l.tokensEstimated]), [['endpoint-spec', 812, 160, false], ['endpoint-spec (code)', 1003, 21, false]]);
    } finally {
      await llm.close();
    }
  });

  it('falls back to prompt-only JSON when the server refuses response_format, once per run', async () => {
    const llm = await FakeLlmServer.start({ responseFormat: 'refuse-400' });
    try {
      llm.enqueue({ kind: 'text', text: `\`\`\`json\n${JSON.stringify(spec)}\n\`\`\`\n\`\`\`ts registerAccount\n${body}\n\`\`\`` });
      const r = await cli(['endpoint', 'account registration by email', '--project', root, '--no-cache'], { OPENAI_BASE_URL: llm.baseUrl });
      assert.equal(r.code, 0, r.err);
      assert.equal(llm.requests.length, 2);
      assert.equal((llm.requests[1]!.body as SentBody).response_format, undefined);
      assert.match(r.out, /res\.status\(201\)\.json\(\{ email: body\.email \}\)/);
    } finally {
      await llm.close();
    }
  });

  it('--structured-output on makes a refusal a clear error and writes nothing; a bad value is a usage error', async () => {
    const llm = await FakeLlmServer.start({ responseFormat: 'refuse-400' });
    try {
      const before = snapshotTree(root);
      const r = await cli(['endpoint', 'account registration', '--project', root, '--no-cache', '--structured-output', 'on'], { OPENAI_BASE_URL: llm.baseUrl });
      assert.equal(r.code, 1);
      assert.match(r.err, /does not take structured output \(response_format json_schema\)/);
      assert.equal(llm.requests.length, 1);
      assert.deepEqual(snapshotTree(root), before);
      const bad = await cli(['endpoint', 'x', '--project', root, '--structured-output', 'maybe'], { OPENAI_BASE_URL: llm.baseUrl });
      assert.notEqual(bad.code, 0);
      assert.match(bad.err, /takes auto, on or off, not "maybe"/);
      const off = await cli(['endpoint', 'x', '--project', root, '--no-cache'], { OPENAI_BASE_URL: llm.baseUrl, ROUTECRAFT_STRUCTURED_OUTPUT: 'off' });
      assert.equal((llm.requests.at(-1)!.body as SentBody).response_format, undefined, `off via env: ${off.err}`);
    } finally {
      await llm.close();
    }
  });
});
