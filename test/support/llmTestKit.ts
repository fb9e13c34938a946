import type { LlmSettings } from '../../src/core/llm/types';
import type { Logger } from '../../src/core/util/logger';
import type { FakeLlmServer } from './fakeLlmServer';

/** Settings pointing at a fake server, with small, test-friendly limits. */
export function settingsFor(server: Pick<FakeLlmServer, 'baseUrl'>, overrides: Partial<LlmSettings> = {}): LlmSettings {
  return {
    baseUrl: server.baseUrl,
    model: 'fake-model',
    apiKey: 'test-key-123456',
    timeoutMs: 5000,
    maxRetries: 0,
    temperature: 0.2,
    ...overrides,
  };
}

/** A Logger that keeps every line, for assertions (e.g. "the key was never logged"). */
export interface RecordingLogger extends Logger {
  readonly lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}
