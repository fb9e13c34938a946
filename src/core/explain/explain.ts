import type { ChatAnswer, LlmClient, LlmResult } from '../llm/types';
import { buildExplainContext, type ExplainContext, type ExplainInput } from './explainContext';
import { buildExplainMessages } from './explainPrompt';

export interface ExplainOptions {
  readonly signal?: AbortSignal;
  /** Each piece of the Markdown answer as it streams in. */
  readonly onDelta?: (text: string) => void;
  /** `bypass` asks the server even when the answer is cached. */
  readonly cache?: 'use' | 'bypass';
  /** The command that asked, for the audit log. */
  readonly command?: string;
}

export interface Explanation {
  readonly context: ExplainContext;
  readonly answer: ChatAnswer;
}

/** Explains a selection: builds the grounded prompt and streams the model's Markdown answer. */
export async function explainCode(client: LlmClient, input: ExplainInput, options: ExplainOptions = {}): Promise<LlmResult<Explanation>> {
  const context = buildExplainContext(input);
  const result = await client.chat({
    purpose: 'explain',
    messages: buildExplainMessages(context),
    signal: options.signal,
    onDelta: options.onDelta,
    cache: options.cache,
    command: options.command,
    destination: 'display',
  });
  if (result.kind !== 'ok') {
    return result;
  }
  return { kind: 'ok', value: { context, answer: result.value } };
}
