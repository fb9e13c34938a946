export { addedLines, removedLines, reviewableLines, type ChangedFile, type FileStatus, type Hunk, type HunkLine } from './changedFile';
export { collectChange, readAtRevision, repositoryRoot, type ChangeSource, type CollectedChange } from './changeSource';
export { escapeMarkdown, failingFindings, reviewMarkdown, type MarkdownOptions } from './formatReview';
export { parseDiff } from './parseDiff';
export { withReviewInstructions, type PlannedRequest } from './planRequests';
export { prepareReview, type PrepareOptions, type PreparedReview } from './prepareReview';
export { reviewChanges, sortFindings, type ReviewOptions, type ReviewProgress, type ReviewReport } from './reviewChanges';
export { atOrAbove, DEFAULT_REVIEW_PROMPT_TOKENS, FINDING_KINDS, ReviewAnswerSchema, SEVERITIES, severityFrom, type DroppedFinding, type FindingKind, type ModelFinding, type ReviewAnswer, type ReviewFinding, type Severity } from './reviewTypes';
