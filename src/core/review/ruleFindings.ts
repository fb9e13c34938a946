import { kindOf } from '../privacy/categories';
import { BUILT_IN_RULES } from '../privacy/rules';
import { runRules } from '../privacy/rules/rule';
import { addedLines, removedLines, type ChangedFile } from './changedFile';
import { dependencyFindings } from './dependencyFindings';
import type { ReviewFinding } from './reviewTypes';

/** What the rules need besides the parsed diff. */
export interface RuleInput {
  readonly files: readonly ChangedFile[];
  readonly readBefore: (path: string) => Promise<string | undefined>;
  readonly readAfter: (path: string) => Promise<string | undefined>;
}

/**
 * Findings that need no model because they are cheap and certain: secrets added, dependencies
 * added, validation removed, a response status changed, a migration. Each points at its line.
 */
export async function ruleFindings(input: RuleInput): Promise<ReviewFinding[]> {
  const findings: ReviewFinding[] = [];
  for (const file of input.files) {
    if (file.status === 'binary') {
      continue;
    }
    findings.push(...secretFindings(file), ...validationFindings(file), ...statusFindings(file), ...migrationFindings(file));
    if (/(?:^|\/)package\.json$/.test(file.path)) {
      findings.push(...dependencyFindings(file, await input.readBefore(file.oldPath ?? file.path), await input.readAfter(file.path)));
    }
  }
  return findings;
}

function rule(file: string, line: number, id: string, kind: ReviewFinding['kind'], severity: ReviewFinding['severity'], message: string): ReviewFinding {
  return { file, line, kind, severity, message, origin: 'rule', rule: id };
}

/** Added lines holding a value the redactor treats as a secret (the value itself is never quoted). */
function secretFindings(file: ChangedFile): ReviewFinding[] {
  const found: ReviewFinding[] = [];
  for (const { line, text } of addedLines(file)) {
    const categories = [...new Set(runRules(BUILT_IN_RULES, text).map((f) => f.category).filter((c) => kindOf(c) === 'secret'))];
    if (categories.length > 0) {
      found.push(rule(file.path, line, 'secret-added', 'security', 'critical', `A secret-looking value (${categories.join(', ')}) is added here. Move it to an environment variable or a secret store and rotate it: it is now in git history.`));
    }
  }
  return found;
}

const ZOD = /\bz\s*\.\s*\w+\(|\.(?:min|max|length|email|url|uuid|regex|int|positive|nonnegative|nonempty|trim|refine|superRefine)\(|\.(?:safeParse|parse|parseAsync)\(/;
const CLASS_VALIDATOR = /@(?:Is[A-Z]\w*|Min|Max|MinLength|MaxLength|Length|Matches|ValidateNested|ArrayMinSize|ArrayMaxSize|Contains|Equals|NotEquals|Allow)\s*\(/;
const PIPES = /\b(?:ValidationPipe|ParseIntPipe|ParseUUIDPipe|zValidator|validator)\s*\(/;

/** A validation call or decorator removed and not added back anywhere in the same file. */
function validationFindings(file: ChangedFile): ReviewFinding[] {
  const added = new Set(addedLines(file).map((l) => normalise(l.text)));
  const found: ReviewFinding[] = [];
  const seen = new Set<number>();
  for (const { line, text } of removedLines(file)) {
    if (!(ZOD.test(text) || CLASS_VALIDATOR.test(text) || PIPES.test(text)) || added.has(normalise(text)) || seen.has(line)) {
      continue;
    }
    const addedBack = addedLines(file).some((a) => a.line >= line - 2 && a.line <= line + 2 && sameValidation(text, a.text));
    if (addedBack) {
      continue;
    }
    seen.add(line);
    found.push(rule(file.path, line, 'validation-removed', 'validation', 'high', `Validation removed: \`${text.trim().slice(0, 120)}\`. Input it checked is now accepted unchecked; confirm this is intended and tested.`));
  }
  return found;
}

/** The same validators on both lines (a reformatted or extended line is not a removal). */
function sameValidation(removed: string, added: string): boolean {
  const calls = (text: string): string[] => [...text.matchAll(/\.(\w+)\(|@(\w+)\(/g)].map((m) => m[1] ?? m[2] ?? '');
  const after = new Set(calls(added));
  return calls(removed).every((c) => after.has(c));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, '').replace(/,$/, '');
}

const STATUS = [/\.status\(\s*(\d{3})\s*\)/, /\.code\(\s*(\d{3})\s*\)/, /\.sendStatus\(\s*(\d{3})\s*\)/, /@HttpCode\(\s*(\d{3})\s*\)/, /@HttpCode\(\s*HttpStatus\.(\w+)\s*\)/, /statusCode\s*[:=]\s*(\d{3})/, /\bc\.(?:json|text|body)\([^;]*,\s*(\d{3})\s*\)/, /HttpStatus\.(\w+)/];

function statusOf(text: string): string | undefined {
  for (const re of STATUS) {
    const m = re.exec(text);
    if (m?.[1]) {
      return m[1];
    }
  }
  return undefined;
}

/** A response status removed and a different one added in the same hunk. */
function statusFindings(file: ChangedFile): ReviewFinding[] {
  const found: ReviewFinding[] = [];
  for (const hunk of file.hunks) {
    const removed = hunk.lines.filter((l) => l.type === 'remove').map((l) => statusOf(l.text)).filter((s): s is string => s !== undefined);
    if (removed.length === 0) {
      continue;
    }
    for (const l of hunk.lines) {
      const status = l.type === 'add' ? statusOf(l.text) : undefined;
      if (status !== undefined && !removed.includes(status)) {
        found.push(rule(file.path, l.newLine ?? l.anchor, 'status-changed', 'behaviour', 'medium', `Response status changes from ${removed.join('/')} to ${status}: clients and tests that expect the old status break.`));
      }
    }
  }
  return found;
}

const MIGRATION_PATH = /(?:^|\/)(?:migrations?|migrate|db\/migrate)\/|\.migration\.[cm]?[jt]s$|(?:^|\/)prisma\/migrations\//i;
const DESTRUCTIVE = /\b(?:DROP\s+(?:TABLE|COLUMN|INDEX|SCHEMA)|TRUNCATE\b|ALTER\s+TABLE\b[^;]*\bDROP\b|dropTable\(|dropColumn\(|removeColumn\()/i;

/** A migration added or changed, and destructive statements in it. */
function migrationFindings(file: ChangedFile): ReviewFinding[] {
  if (!MIGRATION_PATH.test(file.path) || file.status === 'deleted') {
    return [];
  }
  const first = addedLines(file)[0]?.line ?? file.hunks[0]?.newStart ?? 1;
  const found = [rule(file.path, first, 'migration', 'risk', file.status === 'added' ? 'medium' : 'high', file.status === 'added' ? 'Database migration: check it runs on production data (locks, defaults for existing rows) and that it can be rolled back.' : 'An existing migration is edited: databases that already ran it will not see the change; add a new migration instead.')];
  for (const { line, text } of addedLines(file)) {
    if (DESTRUCTIVE.test(text)) {
      found.push(rule(file.path, line, 'migration-destructive', 'risk', 'high', `Destructive migration statement: \`${text.trim().slice(0, 100)}\` loses data; back it up or make it reversible.`));
    }
  }
  return found;
}
