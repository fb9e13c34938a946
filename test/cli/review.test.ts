import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { changeSourceFrom } from '../../src/cli/reviewCli';
import type { ReviewReport } from '../../src/core/review';
import { FakeLlmServer } from '../support/fakeLlmServer';
import { buildReviewRepo, gitIn, LEAKED_KEY, type ReviewRepo } from '../support/reviewRepo';

async function cli(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env, cwd, signal: new AbortController().signal });
  return { code, out, err };
}

const answer = (value: unknown): string => `\`\`\`json\n${JSON.stringify(value)}\n\`\`\``;

describe('routecraft review', function () {
  this.timeout(60_000);
  let repo: ReviewRepo;
  let llm: FakeLlmServer;
  let env: NodeJS.ProcessEnv;
  before(() => {
    repo = buildReviewRepo();
  });
  beforeEach(async () => {
    llm = await FakeLlmServer.start();
    env = { OPENAI_BASE_URL: llm.baseUrl, ROUTECRAFT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'routecraft-review-cache-')) };
  });
  afterEach(async () => {
    await llm.close();
  });

  it('names the change from RANGE, --staged and --base', () => {
    assert.deepEqual(changeSourceFrom(undefined, {}), { kind: 'working-tree' });
    assert.deepEqual(changeSourceFrom(undefined, { staged: true }), { kind: 'staged' });
    assert.deepEqual(changeSourceFrom('HEAD~2', {}), { kind: 'commit', ref: 'HEAD~2' });
    assert.deepEqual(changeSourceFrom('main...HEAD', {}), { kind: 'range', range: 'main...HEAD' });
    assert.deepEqual(changeSourceFrom(undefined, { base: 'main' }), { kind: 'branch', base: 'main' });
    assert.throws(() => changeSourceFrom('HEAD', { staged: true }), /one of RANGE, --staged or --base/);
  });

  it('finds each fixture commit\'s problem at its exact line, without the model too', async () => {
    let right = 0;
    for (const expected of repo.expected) {
      llm.enqueue({ kind: 'text', text: answer({ summary: 'A small change.', findings: [] }) });
      const r = await cli(['review', expected.commit, '--format', 'json'], env, repo.dir);
      assert.equal(r.code, 0, r.err);
      const report = JSON.parse(r.out) as ReviewReport;
      const hit = report.findings.find((f) => f.rule === expected.rule);
      assert.ok(hit, `${expected.rule} in ${r.out}`);
      assert.equal(`${hit.file}:${hit.line}`, `${expected.file}:${expected.line}`, expected.rule);
      right += hit.file === expected.file && hit.line === expected.line ? 1 : 0;
      assert.equal(report.findings.filter((f) => f.origin === 'rule').length, 1, `exactly one rule finding for ${expected.rule}: ${JSON.stringify(report.findings)}`);
    }
    assert.equal(right, repo.expected.length);
    const leak = llm.requests.map((q) => JSON.stringify(q.body)).join('\n');
    assert.ok(!leak.includes(LEAKED_KEY), 'the leaked key never reached the server');
  });

  it('keeps model findings on changed lines, drops one at a line that does not exist, and says so', async () => {
    llm.enqueue({
      kind: 'text',
      text: answer({
        summary: 'Names are no longer required to be non-empty.',
        findings: [
          { file: 'src/users.ts', line: 6, kind: 'missing-test', severity: 'medium', message: 'No test covers an empty name.' },
          { file: 'src/users.ts', line: 240, kind: 'behaviour', severity: 'high', message: 'Invented line.' },
          { file: 'src/other.ts', line: 3, kind: 'risk', severity: 'high', message: 'Invented file.' },
          { file: 'src/users.ts', line: 1, kind: 'style', severity: 'low', message: 'Untouched import line.' },
        ],
      }),
    });
    const r = await cli(['review', repo.commits.removeValidation], env, repo.dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# Review: commit [0-9a-f]{7}/);
    assert.match(r.out, /Names are no longer required to be non-empty\./);
    assert.match(r.out, /\*\*medium\*\* · missing-test · line 6: No test covers an empty name\./);
    assert.match(r.out, /\*\*high\*\* · validation · line 6: Validation removed: .*_\(rule\)_/);
    assert.doesNotMatch(r.out, /Invented|Untouched/);
    assert.match(r.out, /3 findings of the model pointed outside the change and were not shown/);
    const sent = llm.lastUserMessage() ?? '';
    assert.match(sent, /## File: src\/users\.ts \(modified\)/);
    assert.match(sent, /- {7}\| {3}name: z\.string\(\)\.min\(1\),\n\+ {5}6 \| {3}name: z\.string\(\),/);
    assert.match(sent, /Enclosing|Already reported by deterministic checks/);
  });

  it('--fail-on: exit 3 at or above the threshold, 0 below it', async () => {
    llm.enqueue({ kind: 'text', text: answer({ summary: 'Status change.', findings: [] }) }, { kind: 'text', text: answer({ summary: 'Status change.', findings: [] }) });
    const medium = await cli(['review', repo.commits.changeStatus, '--fail-on', 'medium'], env, repo.dir);
    assert.equal(medium.code, 3, medium.err);
    assert.match(medium.err, /1 finding at or above medium/);
    const high = await cli(['review', repo.commits.changeStatus, '--fail-on', 'HIGH'], env, repo.dir);
    assert.equal(high.code, 0, high.err);
    const bad = await cli(['review', repo.commits.changeStatus, '--fail-on', 'severe'], env, repo.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--fail-on takes one of info, low, medium, high, critical/);
  });

  it('bad JSON twice: one repair turn, then exit 1 with the reason and nothing printed', async () => {
    llm.enqueue({ kind: 'text', text: 'Looks fine to me!' }, { kind: 'text', text: '```json\n{"summary": 3}\n```' });
    const r = await cli(['review', repo.commits.addDependency], env, repo.dir);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /could not be used: .*summary/);
    assert.equal(llm.requests.length, 2, 'the first answer was sent back once for repair');
  });

  it('a repaired answer is used', async () => {
    llm.enqueue({ kind: 'text', text: '{"summary": "x", "findings": [{"file": "package.json"}]}' }, { kind: 'text', text: answer({ summary: 'Adds lodash.', findings: [] }) });
    const r = await cli(['review', repo.commits.addDependency, '--format', 'json'], env, repo.dir);
    assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(r.out) as ReviewReport).summaries[0]!.text, 'Adds lodash.');
  });

  it('the working tree and --staged: new files included, .env never sent but still checked', async () => {
    const dir = buildReviewRepo().dir;
    writeFileSync(join(dir, 'src/routes.ts'), "import express from 'express';\nimport { createUser } from './users';\n\nexport const app = express();\napp.post('/users', createUser);\n");
    writeFileSync(join(dir, '.env'), `STRIPE_KEY=${LEAKED_KEY}\n`);
    writeFileSync(join(dir, 'src/health.ts'), 'export const health = () => ({ ok: true });\n');
    llm.enqueue({ kind: 'text', text: answer({ summary: 'JSON body parsing removed.', findings: [{ file: 'src/routes.ts', line: 4, kind: 'behaviour', severity: 'high', message: 'Bodies are no longer parsed.' }] }) });
    const r = await cli(['review', '--format', 'json'], env, dir);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as ReviewReport;
    assert.deepEqual(report.files.map((f) => `${f.path} ${f.status}`).sort(), ['.env added', 'src/health.ts added', 'src/routes.ts modified']);
    assert.deepEqual(report.notSent.map((n) => n.path), ['.env']);
    assert.ok(report.findings.some((f) => f.file === '.env' && f.line === 1 && f.rule === 'secret-added'));
    assert.ok(report.findings.some((f) => f.file === 'src/routes.ts' && f.line === 4 && f.origin === 'model'));
    const sent = JSON.stringify(llm.requests.map((q) => q.body));
    assert.ok(!sent.includes(LEAKED_KEY) && !sent.includes('STRIPE_KEY='), '.env content never sent');
    gitIn(dir, 'add', 'src/health.ts');
    llm.enqueue({ kind: 'text', text: answer({ summary: 'Adds a health check.', findings: [] }) });
    const staged = await cli(['review', '--staged', '--format', 'json'], env, dir);
    assert.equal(staged.code, 0, staged.err);
    assert.deepEqual((JSON.parse(staged.out) as ReviewReport).files.map((f) => f.path), ['src/health.ts']);
  });

  it('a 1,000-line diff is split into requests that each fit --max-prompt-tokens (sizes measured)', async () => {
    const dir = buildReviewRepo().dir;
    const big = Array.from({ length: 100 }, (_, i) => `/** Handler ${i}. */\nexport function handler${i}(input: { id: number; name: string }): string {\n  if (input.id < 0) {\n    throw new Error('negative id ${i}');\n  }\n  const label = input.name.trim().toUpperCase();\n  const total = input.id * ${i + 1};\n  return \`\${label}-\${total}\`;\n}\n\n`).join('');
    assert.equal(big.split('\n').length - 1, 1000);
    writeFileSync(join(dir, 'src/big.ts'), big);
    const dry = await cli(['review', '--dry-run'], env, dir);
    assert.equal(dry.code, 0, dry.err);
    assert.equal(llm.requests.length, 0, 'a dry run sends nothing');
    const sizes = [...dry.out.matchAll(/request \d+ of (\d+): ≈(\d+) prompt tokens/g)].map((m) => Number(m[2]));
    assert.ok(sizes.length >= 2, `split into ${sizes.length} requests`);
    assert.ok(sizes.every((n) => n <= 6000), `every request within 6000 tokens: ${sizes.join(', ')}`);
    console.log(`      1,000-line diff: ${sizes.length} requests of ${sizes.join(', ')} prompt tokens (default budget 6000; total ${sizes.reduce((a, b) => a + b, 0)})`);
    const few = sizes.length;
    for (let i = 0; i < 10; i++) {
      llm.enqueue({ kind: 'text', text: answer({ summary: `Part ${i}.`, findings: [] }) });
    }
    const small = await cli(['review', '--max-prompt-tokens', '3000', '--format', 'json'], env, dir);
    assert.equal(small.code, 0, small.err);
    const report = JSON.parse(small.out) as ReviewReport;
    assert.ok(report.requests.length > few, 'a smaller budget makes more requests');
    assert.ok(report.requests.every((q) => q.estimatedTokens <= 3000), JSON.stringify(report.requests.map((q) => q.estimatedTokens)));
    assert.equal(llm.requests.length, report.requests.length);
    assert.match(small.err, new RegExp(`\\[1/${report.requests.length}\\] src/big\\.ts`), 'progress per request');
    assert.equal(report.summaries.length, report.requests.length, 'one summary per request, merged');
  });

  it('bad usage exits 2 and sends nothing', async () => {
    const notRepo = mkdtempSync(join(tmpdir(), 'routecraft-norepo-'));
    const r = await cli(['review'], env, notRepo);
    assert.equal(r.code, 2);
    assert.match(r.err, /not inside a git repository/);
    const badRef = await cli(['review', '--upload-pack=x'], env, repo.dir);
    assert.equal(badRef.code, 2);
    const unknown = await cli(['review', 'no-such-ref'], env, repo.dir);
    assert.equal(unknown.code, 2);
    const format = await cli(['review', '--format', 'xml'], env, repo.dir);
    assert.equal(format.code, 2);
    assert.equal(llm.requests.length, 0);
  });
});
