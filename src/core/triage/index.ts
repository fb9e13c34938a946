export { triageError, prepareTriage, DEFAULT_TRIAGE_FRAMES, DEFAULT_TRIAGE_LINES, type Triage, type TriageInput, type TriageOptions, type Evidence } from './triage';
export { buildTriageMessages } from './triagePrompt';
export { buildTriageContext, type TriageContext, type FrameCode } from './triageContext';
export { TriageAnswerSchema, type TriageAnswer } from './triageAnswer';
export { parseLog } from './parse/parseLog';
export { detectFormat } from './parse/detectFormat';
export { mapFrames } from './map/mapFrames';
export { formatTriageMarkdown, formatTriageJson } from './formatTriage';
export type { Frame, LogFormat, MappedLocation, ParsedLog, Problem, RawFrame } from './triageTypes';
