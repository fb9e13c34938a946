import { parse as parseYaml } from 'yaml';
import { asRecord, parseJsonc } from './jsonc';
import type { PackageJsonInfo } from './packageJson';
import type { CodeStyle } from './projectFacts';
import type { ProjectFs } from './projectFs';

type MutableStyle = { -readonly [K in keyof CodeStyle]?: CodeStyle[K] };

/** What a formatter or editor config states, and what its tool assumes when it is silent. */
export interface ConfiguredStyle {
  /** Set explicitly in .prettierrc (or package.json `prettier`) or .editorconfig. */
  readonly explicit: Partial<CodeStyle>;
  /** Prettier's own defaults, used only where neither config nor neighbours decide. */
  readonly assumed: Partial<CodeStyle>;
  /** The files that were read, for logs. */
  readonly sources: readonly string[];
}

const PRETTIER_FILES = [
  '.prettierrc', '.prettierrc.json', '.prettierrc.json5', '.prettierrc.yaml', '.prettierrc.yml',
  '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.ts',
  'prettier.config.js', 'prettier.config.cjs', 'prettier.config.mjs', 'prettier.config.ts',
];

const PRETTIER_DEFAULTS: Partial<CodeStyle> = { quote: 'double', semicolons: true, indent: '  ', trailingComma: true };

function styleFromPrettierOptions(options: Readonly<Record<string, unknown>>): MutableStyle {
  const style: MutableStyle = {};
  if (typeof options.singleQuote === 'boolean') {
    style.quote = options.singleQuote ? 'single' : 'double';
  }
  if (typeof options.semi === 'boolean') {
    style.semicolons = options.semi;
  }
  if (options.useTabs === true) {
    style.indent = '\t';
  } else if (typeof options.tabWidth === 'number') {
    style.indent = ' '.repeat(options.tabWidth);
  }
  if (typeof options.trailingComma === 'string') {
    style.trailingComma = options.trailingComma !== 'none';
  }
  return style;
}

/** Options out of a JS/TS config without running it: literal `key: value` pairs only. */
function optionsFromScript(text: string): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const match of text.matchAll(/\b(singleQuote|semi|useTabs|tabWidth|trailingComma)\s*:\s*(true|false|\d+|['"]\w+['"])/g)) {
    const raw = match[2] ?? '';
    options[match[1] ?? ''] = raw === 'true' ? true : raw === 'false' ? false : /^\d+$/.test(raw) ? Number(raw) : raw.slice(1, -1);
  }
  return options;
}

function parsePrettierFile(name: string, text: string): Record<string, unknown> {
  if (/\.(?:[cm]?js|ts)$/.test(name)) {
    return optionsFromScript(text);
  }
  const json = asRecord(parseJsonc(text));
  if (json) {
    return { ...json };
  }
  try {
    return { ...(asRecord(parseYaml(text)) ?? {}) };
  } catch {
    return {};
  }
}

/** The `[*]`-like sections of .editorconfig that apply to a `.ts` file, later ones winning. */
function editorconfigStyle(text: string): MutableStyle {
  const style: MutableStyle = {};
  let applies = false;
  let indentStyle: string | undefined;
  let indentSize: number | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*[#;].*$/, '').trim();
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      const glob = section[1] ?? '';
      applies = glob === '*' || glob === '**' || /(?:^|\W)ts(?:\W|$)/.test(glob);
      continue;
    }
    const pair = /^([\w-]+)\s*=\s*(\S+)/.exec(line);
    if (!applies || !pair) {
      continue;
    }
    const [, key, value = ''] = pair;
    if (key === 'indent_style') {
      indentStyle = value.toLowerCase();
    } else if (key === 'indent_size' && /^\d+$/.test(value)) {
      indentSize = Number(value);
    } else if (key === 'quote_type' && (value === 'single' || value === 'double')) {
      style.quote = value;
    }
  }
  if (indentStyle === 'tab') {
    style.indent = '\t';
  } else if (indentSize !== undefined) {
    style.indent = ' '.repeat(indentSize);
  }
  return style;
}

/**
 * Reads the formatter's config (Prettier: rc files, prettier.config.*, package.json `prettier`)
 * and .editorconfig. Prettier wins over .editorconfig where both speak.
 */
export async function readConfiguredStyle(fs: ProjectFs, pkg: PackageJsonInfo, rootNames: ReadonlySet<string>): Promise<ConfiguredStyle> {
  const sources: string[] = [];
  let fromEditor: MutableStyle = {};
  if (rootNames.has('.editorconfig')) {
    fromEditor = editorconfigStyle(await fs.readFile('.editorconfig'));
    sources.push('.editorconfig');
  }
  let prettier: Record<string, unknown> | undefined;
  const file = PRETTIER_FILES.find((name) => rootNames.has(name));
  if (file !== undefined) {
    prettier = parsePrettierFile(file, await fs.readFile(file));
    sources.push(file);
  } else if (asRecord(pkg.prettier)) {
    prettier = { ...asRecord(pkg.prettier) };
    sources.push('package.json#prettier');
  }
  const fromPrettier = prettier ? styleFromPrettierOptions(prettier) : {};
  return { explicit: { ...fromEditor, ...fromPrettier }, assumed: prettier ? PRETTIER_DEFAULTS : {}, sources };
}
