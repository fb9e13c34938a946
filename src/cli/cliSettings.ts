import { DEFAULT_LLM_SETTINGS } from '../core/defaults';
import { RoutecraftError } from '../core/errors';
import { STRUCTURED_OUTPUT_MODES, type StructuredOutputMode } from '../core/llm/responseFormat';
import type { LlmSettings } from '../core/llm/types';

export interface LlmFlags {
  readonly 'base-url'?: string;
  readonly model?: string;
  readonly timeout?: string;
  readonly 'max-retries'?: string;
  readonly temperature?: string;
  readonly 'structured-output'?: string;
}

/** LLM settings for the CLI: flags, then OPENAI_BASE_URL / ROUTECRAFT_MODEL / OPENAI_API_KEY / ROUTECRAFT_STRUCTURED_OUTPUT, then defaults. */
export function llmSettingsFrom(flags: LlmFlags, env: NodeJS.ProcessEnv): LlmSettings {
  const d = DEFAULT_LLM_SETTINGS;
  return {
    baseUrl: flags['base-url'] ?? nonEmpty(env.OPENAI_BASE_URL) ?? d.baseUrl,
    model: flags.model ?? nonEmpty(env.ROUTECRAFT_MODEL) ?? d.model,
    apiKey: nonEmpty(env.OPENAI_API_KEY),
    timeoutMs: flags.timeout === undefined ? d.timeoutMs : number('--timeout', flags.timeout, 1, 3600) * 1000,
    maxRetries: flags['max-retries'] === undefined ? d.maxRetries : Math.floor(number('--max-retries', flags['max-retries'], 0, 10)),
    temperature: flags.temperature === undefined ? d.temperature : number('--temperature', flags.temperature, 0, 2),
    structuredOutput: structuredOutputFrom(flags['structured-output'] ?? nonEmpty(env.ROUTECRAFT_STRUCTURED_OUTPUT)),
  };
}

function structuredOutputFrom(raw: string | undefined): StructuredOutputMode {
  if (raw === undefined) {
    return 'auto';
  }
  const mode = STRUCTURED_OUTPUT_MODES.find((m) => m === raw.trim().toLowerCase());
  if (mode === undefined) {
    throw new RoutecraftError('invalid-input', `--structured-output (or ROUTECRAFT_STRUCTURED_OUTPUT) takes auto, on or off, not "${raw}".`);
  }
  return mode;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

export function number(flag: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new RoutecraftError('invalid-input', `${flag} takes a number from ${min} to ${max}, not "${raw}".`);
  }
  return n;
}
