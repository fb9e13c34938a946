import type { ChatMessage } from '../llm/types';
import { zeroCounts, type Category } from './categories';
import { compileCustomPatterns, type CustomPatternSetting } from './customPatterns';
import { mapMessageText } from './messageText';
import { PlaceholderAllocator, type PlaceholderMap } from './placeholders';
import { BUILT_IN_RULES } from './rules';
import { runRules, type Finding, type Rule } from './rules/rule';

/** How to redact. Everything is on by default. */
export interface RedactorOptions {
  /** `false` turns a category off (its detectors stop; another category's detector may still catch a value). */
  readonly categories?: Partial<Record<Category, boolean>>;
  /** Extra patterns from settings, counted under `CUSTOM`. Invalid ones make `createRedactor` throw. */
  readonly customPatterns?: readonly CustomPatternSetting[];
}

/** What a redaction produced. `counts` are replacements made (occurrences), per category. */
export interface RedactionResult<T> {
  readonly value: T;
  readonly counts: Record<Category, number>;
  readonly placeholders: PlaceholderMap;
}

/** The result of redacting a request's messages. */
export interface RedactedMessages {
  readonly messages: ChatMessage[];
  readonly counts: Record<Category, number>;
  readonly placeholders: PlaceholderMap;
}

/** Replaces secrets and personal data with placeholders before a prompt leaves the machine. */
export interface Redactor {
  /**
   * Redacts every text of `messages` (string content, text parts, tool-call arguments) with one
   * placeholder numbering for the whole request. The input is not modified.
   */
  redactMessages(messages: readonly ChatMessage[]): RedactedMessages;
  /** Redacts several texts as one request (shared numbering). */
  redactTexts(texts: readonly string[]): RedactionResult<string[]>;
  /** Redacts one text on its own. */
  redactText(text: string): RedactionResult<string>;
}

/**
 * A value found in context is also replaced wherever else it occurs in the request, as a whole
 * token, when it is distinctive enough: at least 8 characters and not only letters (so a weak
 * password like `secret` does not wipe out every `client_secret` in the code).
 */
function propagates(value: string): boolean {
  return value.length >= 8 && /[^A-Za-z]/.test(value);
}

/**
 * Builds a redactor. Throws a RoutecraftError (`invalid-input`) naming every invalid custom pattern.
 */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const rules: readonly Rule[] = [...compileCustomPatterns(options.customPatterns ?? []), ...BUILT_IN_RULES];
  const toggles = options.categories ?? {};
  const enabled = (category: Category): boolean => toggles[category] !== false;
  const redactTexts = (texts: readonly string[]): RedactionResult<string[]> => redactAll(texts, rules, enabled);
  return {
    redactTexts,
    redactText(text) {
      const result = redactTexts([text]);
      return { ...result, value: result.value[0] ?? '' };
    },
    redactMessages(messages) {
      const texts: string[] = [];
      for (const message of messages) {
        mapMessageText(message, (text) => {
          texts.push(text);
          return text;
        });
      }
      const result = redactTexts(texts);
      let i = 0;
      const redacted = messages.map((message) => mapMessageText(message, () => result.value[i++] ?? ''));
      return { messages: redacted, counts: result.counts, placeholders: result.placeholders };
    },
  };
}

function redactAll(texts: readonly string[], rules: readonly Rule[], enabled: (c: Category) => boolean): RedactionResult<string[]> {
  const allocator = new PlaceholderAllocator();
  texts.forEach((text) => allocator.reserveFrom(text));
  const found = texts.map((text) => runRules(rules, text, enabled));
  found.forEach((findings, i) => {
    for (const f of findings) {
      allocator.placeholderFor(texts[i]!.slice(f.start, f.end), f.category, f.prefix);
    }
  });
  const propagate = allocator.values().filter((v) => propagates(v.value));
  const counts = zeroCounts();
  const value = texts.map((text, i) => {
    const findings = addRepeats(text, found[i]!, propagate);
    return replaceFindings(text, findings, allocator, counts);
  });
  return { value, counts, placeholders: allocator.toMap() };
}

/** `findings` plus every other occurrence of an already-found value that no finding covers. */
function addRepeats(text: string, findings: readonly Finding[], values: ReturnType<PlaceholderAllocator['values']>): Finding[] {
  const all = [...findings];
  for (const { value, category, prefix } of values) {
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
      const end = at + value.length;
      const whole = !/[A-Za-z0-9]/.test(text.charAt(at - 1) + text.charAt(end));
      if (whole && !all.some((f) => at < f.end && f.start < end)) {
        all.push({ start: at, end, category, prefix });
      }
    }
  }
  return all.sort((a, b) => a.start - b.start);
}

function replaceFindings(text: string, findings: readonly Finding[], allocator: PlaceholderAllocator, counts: Record<Category, number>): string {
  if (findings.length === 0) {
    return text;
  }
  const out: string[] = [];
  let cursor = 0;
  for (const f of findings) {
    out.push(text.slice(cursor, f.start), allocator.placeholderFor(text.slice(f.start, f.end), f.category, f.prefix));
    counts[f.category] += 1;
    cursor = f.end;
  }
  out.push(text.slice(cursor));
  return out.join('');
}
