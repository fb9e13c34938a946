import assert from 'node:assert/strict';
import { createMemoryProjectFs, detectProject, type CodeStyle } from '../../../src/core/project';
import { maskCode } from '../../../src/core/project/codeScan';
import { countStyle, emptyStyleCounts, styleFromCounts } from '../../../src/core/project/neighbourStyle';
import type { Tree } from './projectTrees';

const PACKAGE = `${JSON.stringify({ name: 'x', dependencies: { express: '^4.21.0' }, devDependencies: { jest: '^29.0.0' } })}\n`;

async function styleOf(files: Tree): Promise<CodeStyle> {
  return (await detectProject('/p', createMemoryProjectFs({ 'package.json': PACKAGE, ...files }))).style;
}

function neighbourStyle(text: string): Partial<CodeStyle> {
  const counts = emptyStyleCounts();
  countStyle(maskCode(text), counts);
  return styleFromCounts(counts);
}

const DOUBLE_NO_SEMI_4 = [
  'import express from "express"',
  'import { Router } from "express"',
  '',
  '/**',
  " * Users: it's a 'router' with a JSDoc block;",
  ' */',
  'export const router = Router()',
  '',
  'router.get("/", (req, res) => {',
  '    const query = {',
  '        page: Number(req.query.page ?? 1),',
  '        size: 20',
  '    }',
  '    const label = `page ${query.page}; it\'s "fine"`',
  '    res.json({ query, label })',
  '})',
  '',
  'router.post("/", (req, res) => {',
  '    if (!req.body) {',
  '        return res.status(400).json({ error: "missing body" })',
  '    }',
  '    const tags = [',
  '        "a",',
  '        "b"',
  '    ]',
  '    return res.status(201).json(tags)',
  '})',
  '',
].join('\n');

describe('project/style', () => {
  it('double quotes, no semicolons, 4 spaces and no trailing commas, from neighbours', async () => {
    const style = await styleOf({ 'src/routes/users.ts': DOUBLE_NO_SEMI_4, 'src/app.ts': 'import express from "express"\n\nexport const app = express()\napp.use(express.json())\n' });
    assert.deepEqual(style, { quote: 'double', semicolons: false, indent: '    ', trailingComma: false });
  });

  it('tabs, single quotes, semicolons, trailing commas', async () => {
    const text = "import { Router } from 'express';\n\nexport const router = Router();\n\nrouter.get('/', (_req, res) => {\n\tconst body = {\n\t\titems: [],\n\t\ttotal: 0,\n\t};\n\tres.json(body);\n});\n";
    assert.deepEqual(await styleOf({ 'src/routes/items.ts': text }), { quote: 'single', semicolons: true, indent: '\t', trailingComma: true });
  });

  it('ignores quotes, semicolons and indentation inside comments, templates and regular expressions', () => {
    const text = [
      "const a = 'x';",
      "// \"comment\" with 'quotes' \"many\" \"more\"",
      '/* "block"',
      '      "comment" */',
      'const t = `',
      '      "template" ${"inner"}',
      '`;',
      "const r = /[\"']+\"/g;",
      "const b = 'y';",
    ].join('\n');
    const masked = maskCode(text);
    assert.equal(masked.singleQuoted, 2);
    assert.equal(masked.doubleQuoted, 0);
    assert.equal(masked.code.split('\n').length, text.split('\n').length, 'line structure kept');
    assert.equal(masked.code.length, text.length);
    assert.doesNotMatch(masked.code, /comment|template|inner/);
  });

  it('does not take division for a regular expression', () => {
    const masked = maskCode("const half = total / 2; const s = 'a/b';\nconst q = a / b / c;");
    assert.equal(masked.singleQuoted, 1);
    assert.match(masked.code, /total \/ 2/);
    assert.match(masked.code, /a \/ b \/ c/);
  });

  it('leaves a field undecided on too little evidence, so config or defaults decide', () => {
    assert.deepEqual(neighbourStyle('export {};\n'), {});
    assert.deepEqual(neighbourStyle("const a = 'x';\nconst b = \"y\";\n"), {}, 'a quote tie and two statements decide nothing');
  });

  it('an explicit .prettierrc wins over neighbours; unset options follow neighbours, then Prettier defaults', async () => {
    const style = await styleOf({
      '.prettierrc': '{ "semi": true, "tabWidth": 2 }\n',
      'src/routes/users.ts': DOUBLE_NO_SEMI_4,
    });
    assert.deepEqual(style, { quote: 'double', semicolons: true, indent: '  ', trailingComma: false });
    const silent = await styleOf({ '.prettierrc.yaml': 'printWidth: 100\n', 'src/index.ts': 'export {};\n' });
    assert.deepEqual(silent, { quote: 'double', semicolons: true, indent: '  ', trailingComma: true }, "Prettier's own defaults");
  });

  it('reads prettier from package.json, prettier.config.js literals and .editorconfig', async () => {
    const pkg = `${JSON.stringify({ name: 'x', dependencies: { express: '^4.21.0' }, prettier: { singleQuote: false, useTabs: true } })}\n`;
    const fromPackage = (await detectProject('/p', createMemoryProjectFs({ 'package.json': pkg, 'src/a.ts': "const a = 'x';\n" }))).style;
    assert.equal(fromPackage.quote, 'double');
    assert.equal(fromPackage.indent, '\t');
    const fromScript = await styleOf({ 'prettier.config.mjs': "export default {\n  semi: false,\n  singleQuote: true,\n  trailingComma: 'none',\n};\n", 'src/a.ts': 'const a = "x";\n' });
    assert.deepEqual(fromScript, { quote: 'single', semicolons: false, indent: '  ', trailingComma: false });
    const fromEditorconfig = await styleOf({ '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\n\n[*.{ts,js}]\nindent_size = 4\n\n[*.md]\nindent_size = 8\n', 'src/a.ts': 'if (a) {\n  b();\n}\n' });
    assert.equal(fromEditorconfig.indent, '    ');
  });
});
