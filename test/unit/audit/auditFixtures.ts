import type { AuditCall } from '../../../src/core/audit/buildAuditEntry';

/** A successful, uncached call with server-reported usage. */
export function okCall(overrides: Partial<AuditCall> = {}): AuditCall {
  return {
    startedAt: new Date('2025-05-01T10:00:00.000Z'),
    durationMs: 1234.4,
    purpose: 'explain',
    command: 'routecraft.explainSelection',
    baseUrl: 'https://user:pw@api.example.com:8443/v1/chat?api-key=sk-proj-abcdefghijklmnop',
    model: 'gpt-4.1-mini',
    messages: [
      { role: 'system', content: 'You explain code.' },
      { role: 'user', content: 'Explain: const key = "[redacted]";' },
    ],
    redactions: { 'api-key': 1 },
    cache: 'miss',
    result: { kind: 'ok', value: { text: 'It declares a key.', model: 'gpt-4.1-mini', usage: { promptTokens: 42, completionTokens: 7 }, requestId: 'req_abc' } },
    ...overrides,
  };
}
