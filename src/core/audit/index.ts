export { AuditEntrySchema, AuditOutcomeSchema, CacheStatusSchema, type AuditEntry, type AuditOutcome, type CacheStatus } from './auditEntry';
export type { AuditLog } from './auditLog';
export { buildAuditEntry, hostOf, type AuditCall, type AuditOptions } from './buildAuditEntry';
export { FileAuditLog, DEFAULT_AUDIT_KEEP, DEFAULT_AUDIT_MAX_BYTES, type FileAuditLogOptions } from './fileAuditLog';
export { messageText, transcript } from './messageText';
export { promptHash } from './promptHash';
export { estimateUsage, usageOrEstimate } from './tokenEstimate';
