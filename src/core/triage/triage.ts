import type { ChangeSet } from '../changes/changeSet';
import { typeCheckChangeSet } from '../changes/typeCheckChangeSet';
import { RoutecraftError } from '../errors';
import { askStructured } from '../llm/structured';
import type { ChatAnswer, LlmClient, LlmResult } from '../llm/types';
import type { Exclusion } from '../privacy/exclusion';
import { buildFix } from './buildFix';
import { mapFrames } from './map/mapFrames';
import { parseLog } from './parse/parseLog';
import { fixCodeFollowUp, TRIAGE_ANSWER_FORMAT, TriageAnswerSchema, type TriageAnswer } from './triageAnswer';
import { buildTriageContext, lineCountOf, type TriageContext } from './triageContext';
import { buildTriageMessages } from './triagePrompt';
import type { LogFormat, ParsedLog } from './triageTypes';

/** What to triage and where the project is. */
export interface TriageInput {
  /** The stack trace, runner output, compiler output or log excerpt, as pasted. */
  readonly text: string;
  /** Absolute path of the project root frames are mapped into. */
  readonly root: string;
  readonly exclusion: Exclusion;
  /** Detected from the text when absent. */
  readonly format?: LogFormat;
  readonly maxFrames?: number;
  readonly maxLines?: number;
}

export interface TriageOptions {
  readonly signal?: AbortSignal;
  readonly command?: string;
  readonly cache?: 'use' | 'bypass';
}

/** An evidence item that points at a line of a project file. */
export interface Evidence {
  readonly file: string;
  readonly line: number;
  readonly why?: string;
}

/** The triage: what was parsed, what the model concluded, and the fix (type-checked) or why it was refused. */
export interface Triage {
  readonly context: TriageContext;
  readonly cause: string;
  readonly confidence: TriageAnswer['confidence'];
  /** Evidence at lines that exist in the files shown. */
  readonly evidence: readonly Evidence[];
  /** Evidence dropped because its file was not shown or its line does not exist. */
  readonly droppedEvidence: readonly Evidence[];
  readonly fix?: { readonly summary: string; readonly changeSet: ChangeSet };
  /** Set when the answer proposed a fix that cannot be used (outside the project, stale file …). */
  readonly fixRefused?: string;
  readonly answer: ChatAnswer;
}

export const DEFAULT_TRIAGE_FRAMES = 4;
export const DEFAULT_TRIAGE_LINES = 200;

/** Parses and maps the text and builds what would be sent, without calling the model (--dry-run, tests). */
export async function prepareTriage(input: TriageInput): Promise<TriageContext> {
  const log: ParsedLog = mapFrames(parseLog(input.text, input.format), input.root);
  return buildTriageContext(log, {
    root: input.root,
    exclusion: input.exclusion,
    maxFrames: input.maxFrames ?? DEFAULT_TRIAGE_FRAMES,
    maxLines: input.maxLines ?? DEFAULT_TRIAGE_LINES,
  });
}

/**
 * Explains a failure: parses it, maps its frames to the project, sends the error and the top
 * project frames' code through the gateway (redaction, cache, audit, usage), validates the
 * structured answer, keeps only evidence at real lines, and turns a proposed fix into a
 * type-checked ChangeSet over the files shown. Nothing is written here.
 */
export async function triageError(client: LlmClient, input: TriageInput, options: TriageOptions = {}): Promise<LlmResult<Triage>> {
  const context = await prepareTriage(input);
  if (context.log.problems.length === 0) {
    // Not the model's fault: say what is missing in the input (no "the model's answer could not be used").
    return { kind: 'failed', error: new RoutecraftError('invalid-input', 'No stack trace, test failure or compiler error was found in the text: select or copy the failure output and try again.') };
  }
  const result = await askStructured(client, {
    schema: TriageAnswerSchema,
    messages: buildTriageMessages(context),
    purpose: 'triage',
    describe: 'the cause of the failure, the evidence lines, your confidence, and optionally a fix as line-range edits whose code follows in fenced blocks',
    format: TRIAGE_ANSWER_FORMAT,
    codeFollowUp: fixCodeFollowUp,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.command === undefined ? {} : { command: options.command }),
    ...(options.cache === undefined ? {} : { cache: options.cache }),
  });
  if (result.kind !== 'ok') {
    return result;
  }
  const { value, codeBlocks, answer } = result.value;
  const evidence: Evidence[] = [];
  const droppedEvidence: Evidence[] = [];
  for (const e of value.evidence) {
    const item: Evidence = { file: e.file.replace(/^\.\//, ''), line: e.line, ...(e.why === undefined ? {} : { why: e.why }) };
    const text = context.files.get(item.file);
    (text !== undefined && item.line <= lineCountOf(text) ? evidence : droppedEvidence).push(item);
  }
  const base = { context, cause: value.cause, confidence: value.confidence, evidence, droppedEvidence, answer };
  if (!value.fix) {
    return { kind: 'ok', value: base };
  }
  const fix = await buildFix(input.root, value.fix.summary, value.fix.edits, codeBlocks, context.files);
  if (fix.kind === 'refused') {
    return { kind: 'ok', value: { ...base, fixRefused: fix.reason } };
  }
  const checked = await typeCheckChangeSet(fix.changeSet);
  return { kind: 'ok', value: { ...base, fix: { summary: value.fix.summary, changeSet: checked } } };
}
