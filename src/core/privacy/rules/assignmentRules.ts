import type { Category } from '../categories';
import { isPlaceholderValue, looksRandom } from '../validators';
import type { Finding, Rule } from './rule';

/**
 * Names whose value is a credential when they end an identifier: `password`, `DB_PASSWORD`,
 * `clientSecret`, `api_key`, `GITHUB_TOKEN`, `x-api-key`… but not `passwordHash`, `tokenizer`,
 * `maxTokens` (the keyword must end the name).
 */
const NAME =
  String.raw`(?<n>pass(?:word|wd|phrase)|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|auth[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|client[_-]?secret|credential)`;
const VALUE = String.raw`(?:"(?<vd>[^"\\\n]*(?:\\.[^"\\\n]*)*)"|'(?<vs>[^'\\\n]*(?:\\.[^'\\\n]*)*)'|\x60(?<vb>[^\x60\\\n$]*)\x60|(?<vu>[^\s'"\x60,;(){}\[\]<>]+))`;
const ASSIGNMENT = new RegExp(String.raw`${NAME}(?![A-Za-z0-9_])["']?(?<s>[ \t]*(?::=|=>|[:=])[ \t]*)(?![=>])${VALUE}`, 'dgi');

const TYPE_WORDS = /^(?:string|number|boolean|bigint|symbol|object|unknown|any|never|void|undefined|null|str|int|bytes|Buffer|String|Number|Boolean|Optional|SecretStr|required|optional|text|varchar|char)$/;

/**
 * Values assigned to credential names in code, config (JSON, YAML, INI, TOML, .env, connection
 * strings) and logs. A quoted value is a finding unless it is a placeholder or prose; a bare value
 * must not look like code (a call, a property path, a type name, a variable ending a statement).
 */
export const assignmentRule: Rule = {
  id: 'assignment',
  category: 'SECRET',
  find(text) {
    const findings: Finding[] = [];
    const re = new RegExp(ASSIGNMENT.source, ASSIGNMENT.flags);
    let match: RegExpExecArray | null;
    while ((match = re.exec(text)) !== null) {
      const groups = match.indices?.groups ?? {};
      const quoted = groups['vd'] ?? groups['vs'] ?? groups['vb'];
      const span = quoted ?? groups['vu'];
      if (span === undefined) {
        continue;
      }
      const value = text.slice(span[0], span[1]);
      const keyword = match.groups?.['n'] ?? '';
      const name = identifierEndingAt(text, match.index) + keyword;
      const separator = match.groups?.['s'] ?? '';
      const ok = quoted !== undefined ? acceptQuoted(value, [keyword, name]) : acceptBare(value, separator, text, span[1]);
      if (ok) {
        const category: Category = /^(?:pass|pwd)/i.test(keyword) ? 'PASSWORD' : 'SECRET';
        findings.push({ start: span[0], end: span[1], category, prefix: category });
      }
    }
    return findings;
  },
};

function acceptQuoted(value: string, names: readonly string[]): boolean {
  if (isPlaceholderValue(value) || (value.match(/ /g)?.length ?? 0) >= 3) {
    return false;
  }
  const bare = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');
  const dottedName = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+$/.test(value) && !/\d/.test(value);
  return !names.some((name) => bare(name) === bare(value)) && !value.includes('${') && !dottedName && !/^urn:/i.test(value) && !isPlainUrl(value);
}

/** A URL without user info and without a random-looking segment: an endpoint, not a credential. */
function isPlainUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(value) && !value.split(/[/?&=#]/).some(looksRandom);
}

function acceptBare(value: string, separator: string, text: string, end: number): boolean {
  const next = text.charAt(end);
  if (isPlaceholderValue(value) || TYPE_WORDS.test(value) || /[(<.[]/.test(next) || /^[|&\\]/.test(value) || isPlainUrl(value)) {
    return false;
  }
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value) || /^\d{1,3}$/.test(value)) {
    return false;
  }
  const identifier = /^[A-Za-z_$][\w$]*$/.test(value);
  const trimmedSep = separator.trim();
  if (trimmedSep === '=>') {
    return false;
  }
  const restOfLine = restOfLineAfter(text, end);
  if (next === ';' && separator !== trimmedSep) {
    return false;
  }
  if (trimmedSep === ':' && identifier && /^\s*[|&;,)>={]/.test(restOfLine)) {
    return false;
  }
  if (trimmedSep === ':' && identifier && !/\d/.test(value)) {
    return restOfLine.trim() === '' && !/^[A-Z][a-z]+(?:[A-Z][a-z]+)*$/.test(value);
  }
  if (trimmedSep === '=' && identifier && !/\d/.test(value) && separator !== trimmedSep) {
    return restOfLine.trim() === '' && !/\b(?:const|let|var|this|self)\b/.test(lineBefore(text, end));
  }
  return true;
}

/** The identifier characters right before `index` (`access_` of `access_token`). */
function identifierEndingAt(text: string, index: number): string {
  let start = index;
  while (start > 0 && start > index - 64 && /[\w.-]/.test(text.charAt(start - 1))) {
    start -= 1;
  }
  return text.slice(start, index);
}

function restOfLineAfter(text: string, index: number): string {
  const nl = text.indexOf('\n', index);
  return text.slice(index, nl === -1 ? text.length : nl);
}

function lineBefore(text: string, index: number): string {
  return text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
}

const ENV_LINE = /^[ \t]*(?:export[ \t]+)?[A-Z][A-Z0-9_]*[ \t]*=[ \t]*(?:"(?<vd>[^"\n]*)"|'(?<vs>[^'\n]*)'|(?<vu>[^\s#'"]+))/dgm;

/**
 * Lines of an `.env` file (`KEY=value`, `export KEY=value`): inside a block that is an env file
 * (a fence tagged `env`/`dotenv`, or a fence right after a line naming a `.env*` file), every value;
 * elsewhere, values that look like random tokens.
 */
export const envRule: Rule = {
  id: 'env',
  category: 'SECRET',
  find(text) {
    const blocks = envBlocks(text);
    const findings: Finding[] = [];
    const re = new RegExp(ENV_LINE.source, ENV_LINE.flags);
    let match: RegExpExecArray | null;
    while ((match = re.exec(text)) !== null) {
      const groups = match.indices?.groups ?? {};
      const span = groups['vd'] ?? groups['vs'] ?? groups['vu'];
      if (span === undefined || span[1] === span[0]) {
        continue;
      }
      const value = text.slice(span[0], span[1]);
      const inBlock = blocks.some(([from, to]) => span[0] >= from && span[0] < to);
      if (!isPlaceholderValue(value) && (inBlock || (looksRandom(value) && !/:\/\/|^\.{0,2}\//.test(value)))) {
        findings.push({ start: span[0], end: span[1], category: 'SECRET', prefix: 'SECRET' });
      }
    }
    return findings;
  },
};

const FENCE = /^(?<ind>[ \t]*)```[ \t]*(?<info>[^\n`]*)\n/gm;
const ENV_NAME = /(?:^|[\s/`'"(:])\.env(?:\.[\w-]+)?\b[^\n]*$/;

/** `[start, end)` of fenced blocks holding an env file. */
function envBlocks(text: string): [number, number][] {
  const blocks: [number, number][] = [];
  const re = new RegExp(FENCE.source, FENCE.flags);
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    const info = (match.groups?.['info'] ?? '').trim();
    const start = match.index + match[0].length;
    const close = text.indexOf('\n```', start - 1);
    const end = close === -1 ? text.length : close;
    const previous = match.index === 0 ? '' : lineBefore(text, match.index - 1);
    if (/^(?:env|dotenv)\b/i.test(info) || /\.env\b/.test(info) || ENV_NAME.test(previous)) {
      blocks.push([start, end]);
    }
    re.lastIndex = close === -1 ? text.length : close + 4;
  }
  return blocks;
}
