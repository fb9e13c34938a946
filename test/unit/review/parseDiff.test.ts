import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { DEFAULT_REVIEW_PROMPT_TOKENS, escapeMarkdown, parseDiff, reviewableLines } from '../../../src/core/review';
import { ruleFindings } from '../../../src/core/review/ruleFindings';

const DIFF = `diff --git a/src/a.ts b/src/a.ts
index 1111111..2222222 100644
--- a/src/a.ts
+++ b/src/a.ts
@@ -3,4 +3,4 @@ export const Schema = z.object({
   id: z.number(),
-  email: z.string().email(),
+  email: z.string(),
   name: z.string(),
 });
@@ -20,3 +20,2 @@ export function h(req, res) {
   const user = load();
-  res.status(201).json(user);
+  res.status(200).json(user);
-  return;
diff --git a/old.ts b/old.ts
deleted file mode 100644
--- a/old.ts
+++ /dev/null
@@ -1,2 +0,0 @@
-a
-b
diff --git a/logo.png b/logo.png
Binary files a/logo.png and b/logo.png differ
`;

describe('review: parseDiff and the rules', () => {
  it('numbers added, context and removed lines (a removal is shown at the new line in its place)', () => {
    const [a, old, logo] = parseDiff(DIFF);
    assert.equal(a?.path, 'src/a.ts');
    assert.equal(a?.status, 'modified');
    const lines = a.hunks[0]!.lines.map((l) => `${l.type}:${l.oldLine ?? '-'}:${l.newLine ?? '-'}:${l.anchor}`);
    assert.deepEqual(lines, ['context:3:3:3', 'remove:4:-:4', 'add:-:4:4', 'context:5:5:5', 'context:6:6:6']);
    assert.deepEqual([...reviewableLines(a)], [3, 4, 5, 6, 20, 21]);
    assert.equal(old?.status, 'deleted');
    assert.deepEqual([...reviewableLines(old)], [1, 2], 'a deleted file is numbered in the old file');
    assert.equal(logo?.status, 'binary');
    assert.deepEqual(parseDiff(''), []);
  });

  it('rules: a removed validation and a changed status, each at its line; nothing for reformatting', async () => {
    const files = parseDiff(DIFF);
    const found = await ruleFindings({ files, readBefore: () => Promise.resolve(undefined), readAfter: () => Promise.resolve(undefined) });
    assert.deepEqual(found.map((f) => `${f.rule}@${f.file}:${f.line}`), ['validation-removed@src/a.ts:4', 'status-changed@src/a.ts:21']);
    const reformatted = parseDiff('--- a/b.ts\n+++ b/b.ts\n@@ -1,1 +1,1 @@\n-  name: z.string().min(1),\n+  name: z.string().min(1) ,\n');
    assert.deepEqual(await ruleFindings({ files: reformatted, readBefore: () => Promise.resolve(undefined), readAfter: () => Promise.resolve(undefined) }), []);
  });

  it('escapes model text: no link, image, autolink or HTML survives', () => {
    assert.equal(escapeMarkdown('see [x](https://e.example) ![i](https://e.example/p.png) <https://e.example> <b>'), 'see \\[x\\]\\(https://e.example\\) \\!\\[i\\]\\(https://e.example/p.png\\) \\<https://e.example\\> \\<b\\>');
    // Code spans stay readable (no backslashes shown), and a backslash before a backtick cannot turn one off.
    assert.equal(escapeMarkdown('Validation removed: `name: z.string().min(1),`. [x](y)'), 'Validation removed: `name: z.string().min(1),`. \\[x\\]\\(y\\)');
    const html = new MarkdownIt({ html: false }).render(escapeMarkdown('\\`[x](https://e.example)\\` `<b>` [y](https://e.example)'));
    assert.doesNotMatch(html, /<a |<b>/, html);
  });

  it('the editor setting defaults to the CLI budget', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } };
    assert.equal(manifest.contributes.configuration.properties['routecraft.review.promptBudget']?.default, DEFAULT_REVIEW_PROMPT_TOKENS);
  });
});
