import { RoutecraftError } from '../errors';
import { redactSecrets } from '../llm/redact';
import type { ChatAnswer, ChatMessage, LlmResult } from '../llm/types';
import { AuditEntrySchema, type AuditEntry, type CacheStatus } from './auditEntry';
import { transcript } from './messageText';
import { promptHash } from './promptHash';
import { usageOrEstimate } from './tokenEstimate';

/** Everything the pipeline knows about one finished call. */
export interface AuditCall {
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly purpose: string;
  readonly command?: string;
  /** The server's base URL; only its host reaches the log. */
  readonly baseUrl: string;
  readonly model: string;
  /** The messages as sent, i.e. after redaction. */
  readonly messages: readonly ChatMessage[];
  /** The `response_format` JSON Schema sent with the messages (counted into an estimated prompt). */
  readonly responseSchema?: string;
  /** Redaction counts by category, as reported by the redaction step. */
  readonly redactions?: Readonly<Record<string, number>>;
  readonly cache: CacheStatus;
  /**
   * The call's result. On a cache hit, the cached answer as `ok`: its tokens are then the tokens
   * the hit saved, not tokens spent.
   */
  readonly result: LlmResult<ChatAnswer>;
}

export interface AuditOptions {
  /** Also log the redacted prompt text (off by default: the hash identifies a prompt). */
  readonly includePrompt?: boolean;
}

/**
 * Builds the audit line of a call: host only, a prompt hash instead of the prompt, tokens from
 * the server's usage or (flagged) estimated, and the outcome. Validated against `AuditEntrySchema`.
 */
export async function buildAuditEntry(call: AuditCall, options: AuditOptions = {}): Promise<AuditEntry> {
  const answer = call.result.kind === 'ok' ? call.result.value : undefined;
  const answerText = answer?.text ?? (call.result.kind === 'invalid' ? call.result.raw : '');
  const tokens = await usageOrEstimate(answer?.usage, call.messages, answerText, call.responseSchema);
  const entry: AuditEntry = {
    v: 1,
    time: call.startedAt.toISOString(),
    purpose: call.purpose,
    ...(call.command === undefined ? {} : { command: call.command }),
    model: call.model,
    host: hostOf(call.baseUrl),
    ...(answer?.requestId === undefined ? {} : { requestId: answer.requestId }),
    promptHash: promptHash(call.messages),
    tokensIn: tokens.promptTokens,
    tokensOut: tokens.completionTokens,
    tokensEstimated: tokens.estimated,
    redactions: cleanCounts(call.redactions ?? {}),
    cache: call.cache,
    durationMs: Math.max(0, Math.round(call.durationMs)),
    ...outcomeFields(call.result),
    ...(options.includePrompt === true ? { prompt: redactSecrets(transcript(call.messages), []) } : {}),
  };
  return AuditEntrySchema.parse(entry);
}

/** `host[:port]` of a URL; never its path, query or user info. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host || 'unknown';
  } catch {
    return 'unknown';
  }
}

type OutcomeFields = Pick<AuditEntry, 'outcome' | 'status' | 'errorCode' | 'issues'>;

function outcomeFields(result: LlmResult<unknown>): OutcomeFields {
  switch (result.kind) {
    case 'ok':
      return { outcome: 'ok' };
    case 'invalid':
      return { outcome: 'invalid', issues: result.issues.length };
    case 'cancelled':
      return { outcome: 'cancelled' };
    case 'failed': {
      const error: unknown = result.error;
      if (error instanceof RoutecraftError) {
        return { outcome: 'error', errorCode: error.code, ...(error.status === undefined ? {} : { status: error.status }) };
      }
      return { outcome: 'error', errorCode: 'internal' };
    }
  }
}

function cleanCounts(counts: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [category, count] of Object.entries(counts)) {
    if (Number.isInteger(count) && count > 0) {
      out[category] = count;
    }
  }
  return out;
}
