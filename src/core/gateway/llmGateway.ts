import type { AuditLog } from '../audit/auditLog';
import { buildAuditEntry } from '../audit/buildAuditEntry';
import type { CacheStatus } from '../audit/auditEntry';
import { cacheKey } from '../cache/cacheKey';
import type { CachedAnswer, ResponseCache } from '../cache/types';
import type { ChatAnswer, ChatMessage, ChatRequest, LlmClient, LlmResult } from '../llm/types';
import type { Logger } from '../util/logger';
import type { PlaceholderMap } from '../privacy/placeholders';
import type { Redactor } from '../privacy/redactor';
import { restore } from '../privacy/restore';
import type { UsageCall } from '../usage/usageTracker';
import { StreamRestorer } from './streamRestorer';

/** One finished call, as the usage tracker counts it. */
export type UsageRecord = UsageCall;

/** Where the gateway reports tokens (the status bar, the CLI's summary line). */
export interface UsageSink {
  record(call: UsageRecord): void;
}

export interface GatewayParts {
  /** The transport: the openai-backed client. Nothing else may hold it. */
  readonly transport: LlmClient;
  readonly redactor: Redactor;
  readonly cache?: ResponseCache;
  readonly audit?: AuditLog;
  readonly usage?: UsageSink;
  readonly logger: Logger;
  /** Also write the redacted prompt into the audit log. */
  readonly auditPrompts?: boolean;
}

/**
 * The one path every LLM call takes: redact → cache lookup → transport → validate → cache store →
 * audit → usage, and placeholders restored for the answer's destination. It is itself an
 * LlmClient, so features cannot tell it from the transport and cannot go around it.
 */
export function createGateway(parts: GatewayParts): LlmClient {
  const { settings, structuredOutput } = parts.transport;
  return { settings, ...(structuredOutput === undefined ? {} : { structuredOutput }), chat: (request) => gatewayChat(parts, request) };
}

async function gatewayChat(parts: GatewayParts, request: ChatRequest): Promise<LlmResult<ChatAnswer>> {
  const startedAt = new Date();
  const settings = parts.transport.settings;
  const redacted = parts.redactor.redactMessages(request.messages);
  const redactions = nonZero(redacted.counts);
  const messages: ChatMessage[] = redacted.messages;
  const toDestination = (text: string): string => restoreFor(text, redacted.placeholders, request.destination ?? 'display');
  const key = cacheKey({
    baseUrl: settings.baseUrl,
    model: settings.model,
    messages,
    temperature: request.temperature ?? settings.temperature,
    maxTokens: request.maxTokens,
    purpose: request.purpose,
    format: request.format,
    responseFormat: request.responseFormat === undefined ? undefined : `json_schema:${request.responseFormat.name}`,
  });

  let cacheStatus: CacheStatus = parts.cache ? 'miss' : 'bypass';
  if (parts.cache && request.cache !== 'bypass' && !request.signal?.aborted) {
    const hit = await parts.cache.get(key);
    if (hit && (request.validate?.(hit.text) ?? []).length === 0) {
      const answer = fromCache(hit, redactions);
      request.onDelta?.(toDestination(answer.text));
      await finish(parts, { startedAt, request, messages, redactions, cache: 'hit', result: { kind: 'ok', value: answer } });
      return { kind: 'ok', value: { ...answer, text: toDestination(answer.text) } };
    }
  } else if (request.cache === 'bypass') {
    cacheStatus = 'bypass';
  }

  // Code-mode restoring needs whole lines (string-literal context), so streamed pieces of a code
  // answer keep their placeholders; the complete answer below is restored properly.
  const restorer = new StreamRestorer((request.destination ?? 'display') === 'display' ? toDestination : (text) => text);
  const onDelta = request.onDelta;
  const result = await parts.transport.chat({
    ...request,
    messages,
    onDelta: onDelta === undefined ? undefined : (piece) => {
      const shown = restorer.push(piece);
      if (shown !== '') {
        onDelta(shown);
      }
    },
  });
  const tail = restorer.flush();
  if (tail !== '' && onDelta) {
    onDelta(tail);
  }

  let audited: LlmResult<ChatAnswer> = result;
  if (result.kind === 'ok') {
    const issues = request.validate?.(result.value.text) ?? [];
    if (issues.length > 0) {
      audited = { kind: 'invalid', issues, raw: result.value.text };
    } else if (parts.cache) {
      await parts.cache.set(key, toCached(result.value));
    }
  }
  await finish(parts, { startedAt, request, messages, redactions, cache: cacheStatus, result: audited });
  if (result.kind !== 'ok') {
    return result;
  }
  return { kind: 'ok', value: { ...result.value, text: toDestination(result.value.text), redactions } };
}

interface Finished {
  readonly startedAt: Date;
  readonly request: ChatRequest;
  readonly messages: readonly ChatMessage[];
  readonly redactions: Readonly<Record<string, number>>;
  readonly cache: CacheStatus;
  readonly result: LlmResult<ChatAnswer>;
}

/** Audit line and usage for one call; neither may fail the command. */
async function finish(parts: GatewayParts, call: Finished): Promise<void> {
  const settings = parts.transport.settings;
  try {
    const entry = await buildAuditEntry(
      {
        startedAt: call.startedAt,
        durationMs: Date.now() - call.startedAt.getTime(),
        purpose: call.request.purpose,
        command: call.request.command,
        baseUrl: settings.baseUrl,
        model: call.result.kind === 'ok' ? call.result.value.model : settings.model,
        messages: call.messages,
        ...(call.request.responseFormat === undefined ? {} : { responseSchema: JSON.stringify(call.request.responseFormat.schema) }),
        redactions: call.redactions,
        cache: call.cache,
        result: call.result,
      },
      { includePrompt: parts.auditPrompts === true },
    );
    await parts.audit?.append(entry);
    // Every call's own usage line (the output channel, --verbose): estimated counts say so.
    parts.logger.info(`[usage] ${entry.purpose}: ${String(entry.tokensIn)} tokens in / ${String(entry.tokensOut)} out` +
      `${entry.tokensEstimated ? ' (estimated)' : ''}${call.cache === 'hit' ? ' (cache hit, not spent)' : ''}, ${entry.outcome}`);
    if (call.result.kind === 'ok' || call.result.kind === 'invalid') {
      parts.usage?.record({
        model: entry.model,
        baseUrl: settings.baseUrl,
        promptTokens: entry.tokensIn,
        completionTokens: entry.tokensOut,
        estimated: entry.tokensEstimated,
        cached: call.cache === 'hit',
      });
    }
  } catch (error) {
    parts.logger.warn(`[audit] could not record the call: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function restoreFor(text: string, placeholders: PlaceholderMap, destination: 'display' | 'code'): string {
  return placeholders.size === 0 ? text : restore(text, placeholders, { mode: destination });
}

function fromCache(hit: CachedAnswer, redactions: Readonly<Record<string, number>>): ChatAnswer {
  return {
    text: hit.text,
    model: hit.model,
    ...(hit.usage ? { usage: hit.usage } : {}),
    ...(hit.requestId ? { requestId: hit.requestId } : {}),
    ...(hit.finishReason ? { finishReason: hit.finishReason } : {}),
    cached: true,
    redactions,
  };
}

function toCached(answer: ChatAnswer): CachedAnswer {
  return {
    text: answer.text,
    model: answer.model,
    ...(answer.usage ? { usage: answer.usage } : {}),
    ...(answer.requestId ? { requestId: answer.requestId } : {}),
    ...(answer.finishReason ? { finishReason: answer.finishReason } : {}),
    storedAt: Date.now(),
  };
}

function nonZero(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}
