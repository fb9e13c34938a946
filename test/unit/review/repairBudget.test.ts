import assert from 'node:assert/strict';
import { estimateUsage } from '../../../src/core/audit/tokenEstimate';
import { createLlmClient } from '../../../src/core/llm/openaiClient';
import type { ChatMessage } from '../../../src/core/llm/types';
import { collectChange, prepareReview, reviewChanges, type PreparedReview } from '../../../src/core/review';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { recordingLogger, settingsFor } from '../../support/llmTestKit';
import { buildReviewRepo, type ReviewRepo } from '../../support/reviewRepo';

const VALID = `\`\`\`json\n${JSON.stringify({ summary: 'Creating a user now answers 200.', findings: [] })}\n\`\`\``;
/** An answer that is long and not JSON: echoed back, it alone would not fit a tight budget. */
const LONG_INVALID = `I think the change is fine. ${'The status code changed from 201 to 200 and callers may rely on it. '.repeat(90)}`;

describe('review: the repair turn keeps within routecraft.review.promptBudget', function () {
  this.timeout(60_000);
  let repo: ReviewRepo;
  let llm: FakeLlmServer;
  before(() => {
    repo = buildReviewRepo();
  });
  beforeEach(async () => {
    llm = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await llm.close();
  });

  async function prepared(maxPromptTokens: number): Promise<PreparedReview> {
    const change = await collectChange(repo.dir, { kind: 'commit', ref: repo.commits.changeStatus });
    assert.ok(change);
    return prepareReview(change, { maxPromptTokens });
  }

  async function repairRequest(review: PreparedReview): Promise<{ messages: ChatMessage[]; tokens: number }> {
    llm.enqueue({ kind: 'text', text: LONG_INVALID }, { kind: 'text', text: VALID });
    const result = await reviewChanges(createLlmClient(settingsFor(llm), recordingLogger()), review, { cache: 'bypass' });
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    const chats = llm.requests.filter((r) => r.path.endsWith('/chat/completions'));
    assert.equal(chats.length, 2, 'the request and one repair turn');
    const messages = (chats[1]!.body as { messages: ChatMessage[] }).messages;
    return { messages, tokens: (await estimateUsage(messages, '')).promptTokens };
  }

  it('a request planned close to the budget: its repair drops the context and shortens the echo, and fits', async () => {
    const roomy = await prepared(50_000);
    assert.equal(roomy.requests.length, 1);
    const planned = roomy.requests[0]!.estimatedTokens;
    // The tightest budget the request still fits whole, context included (planRequests keeps 5 % free).
    const budget = Math.ceil((planned + 10) / 0.95);
    const tight = await prepared(budget);
    assert.equal(tight.requests.length, 1);
    assert.ok(tight.requests[0]!.sections[0]!.contextText.includes('Used elsewhere'), 'the request itself carries the callers');

    const repair = await repairRequest(tight);
    const text = JSON.stringify(repair.messages);
    assert.ok(repair.tokens <= budget, `repair turn: ${repair.tokens} prompt tokens, budget ${budget}`);
    assert.ok(text.includes('res.status(200)'), 'the numbered diff is still sent');
    assert.ok(!text.includes('Used elsewhere'), 'the context is not');
    assert.ok(text.includes('does not match') || text.includes('JSON'), 'the issues are quoted');
    console.log(`      repair turn: ${repair.tokens} prompt tokens within a budget of ${budget} (the request: ${tight.requests[0]!.estimatedTokens})`);
  });

  it('with room to spare the repair turn is sent whole (the same test would see an overflow)', async () => {
    const repair = await repairRequest(await prepared(50_000));
    const text = JSON.stringify(repair.messages);
    assert.ok(text.includes('Used elsewhere'), 'context kept');
    assert.ok(text.includes('callers may rely on it. The status code'), 'the whole answer echoed');
  });
});
