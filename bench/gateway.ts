// Privacy and cache figures for the README and the closing note (npm run bench):
// - extractJson on hostile model answers (test/support/hostileAnswers.ts), median over 7 runs;
// - redaction overhead on a realistic 2,000-line prompt (median over 50 runs);
// - cache hit latency (disk, Redis) against a live call to the fake OpenAI server, all through
//   the real gateway (redaction → cache → openai client → audit), medians over N calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileAuditLog } from '../src/core/audit/fileAuditLog';
import { DiskResponseCache } from '../src/core/cache/diskResponseCache';
import { RedisResponseCache } from '../src/core/cache/redisResponseCache';
import type { ResponseCache } from '../src/core/cache/types';
import { createLlm } from '../src/core/gateway/createLlm';
import type { ChatMessage } from '../src/core/llm/types';
import { silentLogger } from '../src/core/util/logger';
import { createRedactor } from '../src/core/privacy/redactor';
import { extractJson } from '../src/core/llm/structured';
import { HOSTILE_ANSWERS } from '../test/support/hostileAnswers';
import { FakeLlmServer } from '../test/support/fakeLlmServer';
import { RedisTestServer } from '../test/support/redisServer';
import { realisticPrompt } from '../test/unit/privacy/promptFixture';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms (n=${s.length})`;
}

async function time(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function redactionOverhead(): Promise<void> {
  const prompt = realisticPrompt(2000);
  const messages: ChatMessage[] = [{ role: 'user', content: prompt }];
  const redactor = createRedactor();
  for (let i = 0; i < 5; i++) {
    redactor.redactMessages(messages);
  }
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    samples.push(await time(() => redactor.redactMessages(messages)));
  }
  console.log(`redaction, 2,000-line prompt (${(prompt.length / 1024).toFixed(0)} KiB): ${stats(samples)}`);
}

async function gatewayCalls(label: string, cache: ResponseCache, llm: FakeLlmServer, dir: string): Promise<void> {
  const client = createLlm(
    { llm: { baseUrl: llm.baseUrl, model: 'bench-model', timeoutMs: 10_000, maxRetries: 0, temperature: 0 }, cache, audit: new FileAuditLog({ path: join(dir, `${label}.jsonl`) }) },
    silentLogger,
  );
  const answer = 'An explanation of about two kilobytes. '.repeat(50);
  const live: number[] = [];
  const hits: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const messages: ChatMessage[] = [{ role: 'user', content: `Explain snippet ${label} ${i}: const total = items.reduce((a, b) => a + b, 0);` }];
    llm.enqueue({ kind: 'text', text: answer, chunkSize: 64 });
    live.push(await time(() => client.chat({ purpose: 'bench', messages })));
    hits.push(await time(() => client.chat({ purpose: 'bench', messages })));
  }
  console.log(`gateway with ${label} cache: live call to the fake server ${stats(live)}`);
  console.log(`gateway with ${label} cache: cache hit ${stats(hits)}`);
}

/** extractJson on answers built to make it slow: each should stay linear (a few ms per MB). */
async function hostileAnswers(): Promise<void> {
  for (const { label, text } of HOSTILE_ANSWERS) {
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      samples.push(await time(() => extractJson(text)));
    }
    console.log(`extractJson on ${label}: ${stats(samples)}`);
  }
}

async function main(): Promise<void> {
  await redactionOverhead();
  await hostileAnswers();
  const dir = mkdtempSync(join(tmpdir(), 'routecraft-bench-'));
  const llm = await FakeLlmServer.start();
  const redis = await RedisTestServer.start();
  try {
    const disk = new DiskResponseCache({ dir: join(dir, 'cache') });
    await gatewayCalls('disk', disk, llm, dir);
    await disk.close();
    const shared = new RedisResponseCache({ url: redis.url });
    await gatewayCalls('redis', shared, llm, dir);
    await shared.close();
  } finally {
    await llm.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`(Node ${process.version}; the fake server answers at once, so "live" is the floor of a real call)`);
}

void main();
