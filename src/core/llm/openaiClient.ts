import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { createAttemptLog } from './attemptLog';
import { CallGuard } from './callGuard';
import { badAnswerError, interruptedError, timeoutError, type FailureContext } from './errorMessages';
import { toRoutecraftError } from './failure';
import { responseFormatBody, StructuredOutputMemo } from './responseFormat';
import type { ChatAnswer, ChatRequest, LlmClient, LlmResult, LlmSettings, TokenUsage } from './types';
import type { Logger } from '../util/logger';

/**
 * The LlmClient over the real `openai` client. Every call streams (`stream: true` with usage),
 * retries through openai's own backoff (Retry-After honoured), logs each HTTP attempt without
 * headers or key, enforces an idle timeout on the stream, and never throws: the result is tagged.
 */
export function createLlmClient(settings: LlmSettings, logger: Logger, structuredOutput = new StructuredOutputMemo()): LlmClient {
  return {
    settings,
    structuredOutput,
    chat: (request) => chat(settings, logger, request),
  };
}

/** Text and metadata gathered from stream chunks. */
interface Accumulated {
  text: string;
  model?: string;
  usage?: TokenUsage;
  requestId?: string;
  finishReason?: string;
}

async function chat(settings: LlmSettings, logger: Logger, request: ChatRequest): Promise<LlmResult<ChatAnswer>> {
  const guard = new CallGuard(request.signal, settings.timeoutMs);
  if (guard.reason() === 'cancelled') {
    guard.dispose();
    return { kind: 'cancelled' };
  }
  const log = createAttemptLog(logger, request.purpose);
  const ctx = (): FailureContext => ({ ...settings, attempts: log.attempts() });
  const acc: Accumulated = { text: '' };
  const started = Date.now();
  try {
    const openai = new OpenAI({
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey || 'not-needed',
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
      fetch: log.fetch,
      logLevel: 'off',
      organization: null,
      project: null,
      // No key, no Authorization header at all (local servers need none; nothing to leak).
      ...(settings.apiKey ? {} : { defaultHeaders: { Authorization: null } }),
    });
    const { data: stream, response, request_id } = await openai.chat.completions
      .create(
        {
          model: settings.model,
          messages: [...request.messages],
          temperature: request.temperature ?? settings.temperature,
          // max_tokens, not max_completion_tokens: Ollama, LM Studio and older vLLM only know this one.
          // eslint-disable-next-line @typescript-eslint/no-deprecated
          ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
          ...(request.responseFormat === undefined ? {} : { response_format: responseFormatBody(request.responseFormat) }),
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: guard.signal },
      )
      .withResponse();
    guard.touch();
    acc.requestId = request_id ?? undefined;
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('text/event-stream')) {
      const body = await response.text();
      stream.controller.abort();
      return fromNonStreamBody(body, contentType, acc, ctx());
    }
    for await (const chunk of stream) {
      guard.touch();
      addChunk(acc, chunk, request.onDelta);
    }
    const aborted = guard.reason();
    if (aborted === 'cancelled') {
      return { kind: 'cancelled' };
    }
    if (aborted === 'idle-timeout') {
      return { kind: 'failed', error: timeoutError(ctx(), 'stream') };
    }
    if (acc.finishReason === undefined) {
      return { kind: 'failed', error: interruptedError(ctx(), acc.text.length, 'The stream ended without a finish_reason.') };
    }
    return { kind: 'ok', value: toAnswer(acc, settings.model) };
  } catch (error) {
    const aborted = guard.reason();
    if (aborted === 'cancelled') {
      return { kind: 'cancelled' };
    }
    const failure = aborted === 'idle-timeout'
      ? timeoutError(ctx(), 'stream')
      : toRoutecraftError(error, ctx(), { streaming: guard.streaming, receivedChars: acc.text.length });
    return { kind: 'failed', error: failure };
  } finally {
    guard.dispose();
    logger.info(`[llm] ${request.purpose} done in ${Date.now() - started} ms, ${acc.text.length} chars` +
      (acc.usage === undefined ? '' : `, tokens ${acc.usage.promptTokens} in / ${acc.usage.completionTokens} out`));
  }
}

function addChunk(acc: Accumulated, chunk: ChatCompletionChunk, onDelta: ((text: string) => void) | undefined): void {
  acc.model = chunk.model || acc.model;
  if (chunk.usage) {
    acc.usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
  }
  const choice = chunk.choices[0];
  if (choice === undefined) {
    return;
  }
  if (choice.finish_reason) {
    acc.finishReason = choice.finish_reason;
  }
  const piece = choice.delta.content;
  if (typeof piece === 'string' && piece !== '') {
    acc.text += piece;
    onDelta?.(piece);
  }
}

/** Some servers ignore `stream: true` and send one JSON completion; accept that, reject anything else. */
function fromNonStreamBody(body: string, contentType: string, acc: Accumulated, ctx: FailureContext): LlmResult<ChatAnswer> {
  if (!contentType.includes('json')) {
    return { kind: 'failed', error: badAnswerError(ctx, `'${contentType || 'no content type'}'`, body) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'failed', error: badAnswerError(ctx, 'invalid JSON', body) };
  }
  const completion = parsed as Partial<ChatCompletion> | null;
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  const content = choice?.message.content;
  if (typeof content !== 'string') {
    return { kind: 'failed', error: badAnswerError(ctx, 'JSON without choices[0].message.content', body) };
  }
  acc.text = content;
  acc.model = typeof completion?.model === 'string' ? completion.model : undefined;
  acc.finishReason = choice?.finish_reason ?? 'stop';
  const usage = completion?.usage;
  if (usage) {
    acc.usage = { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens };
  }
  return { kind: 'ok', value: toAnswer(acc, ctx.model) };
}

function toAnswer(acc: Accumulated, fallbackModel: string): ChatAnswer {
  return {
    text: acc.text,
    model: acc.model ?? fallbackModel,
    ...(acc.usage === undefined ? {} : { usage: acc.usage }),
    ...(acc.requestId === undefined ? {} : { requestId: acc.requestId }),
    ...(acc.finishReason === undefined ? {} : { finishReason: acc.finishReason }),
  };
}
