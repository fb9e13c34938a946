import { z } from 'zod';

/** Whether the response cache answered, missed, or was not consulted for this call. */
export const CacheStatusSchema = z.enum(['hit', 'miss', 'bypass']);
export type CacheStatus = z.infer<typeof CacheStatusSchema>;

export const AuditOutcomeSchema = z.enum(['ok', 'invalid', 'cancelled', 'error']);
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

/**
 * One line of the audit log: what was asked of which server, what it cost and how it ended.
 * Holds no secrets and, unless `prompt` is present by explicit choice, no prompt text — only its
 * hash. `.strict()`: an unexpected field is an error, not a silent leak.
 */
export const AuditEntrySchema = z
  .object({
    /** Line format version. */
    v: z.literal(1),
    /** When the call started (ISO 8601, UTC). */
    time: z.iso.datetime(),
    /** What the call was for ("explain", "endpoint" …). */
    purpose: z.string().min(1),
    /** The command that made the call (e.g. `routecraft.explainSelection`, `cli explain`), when known. */
    command: z.string().optional(),
    model: z.string(),
    /** The server's host (and port): never a path, query or user info. */
    host: z.string(),
    requestId: z.string().optional(),
    /** sha256 (hex) of the canonical JSON of the redacted messages. */
    promptHash: z.string().regex(/^[0-9a-f]{64}$/),
    tokensIn: z.number().int().nonnegative(),
    tokensOut: z.number().int().nonnegative(),
    /** True when the server reported no usage and the counts come from a local tokenizer. */
    tokensEstimated: z.boolean(),
    /** How many values redaction replaced, by category (e.g. `{ "api-key": 1, "email": 2 }`). */
    redactions: z.record(z.string(), z.number().int().nonnegative()),
    cache: CacheStatusSchema,
    durationMs: z.number().nonnegative(),
    outcome: AuditOutcomeSchema,
    /** HTTP status of a failed call, when one was received. */
    status: z.number().int().optional(),
    /** `RoutecraftError` code of a failed call. */
    errorCode: z.string().optional(),
    /** Number of validation issues of an `invalid` answer. */
    issues: z.number().int().nonnegative().optional(),
    /** The redacted prompt text; only when the user opted in (`includePrompt`). */
    prompt: z.string().optional(),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
