/**
 * Model answers built to make a JSON extractor slow (deep nesting, unbalanced braces, thousands of
 * fences, one huge line), with whether a JSON value should be found in each. The unit test checks
 * the results; `npm run bench` (bench/gateway.ts) times them.
 */
export const HOSTILE_ANSWERS: readonly { readonly label: string; readonly text: string; readonly hasJson: boolean }[] = [
  { label: '200,000 open brackets', text: '['.repeat(200_000), hasJson: false },
  { label: 'unbalanced braces around 100,000 characters', text: '{'.repeat(5000) + 'x'.repeat(100_000) + '}'.repeat(10), hasJson: false },
  { label: '5,000-deep valid array in prose', text: `prose ${'['.repeat(5000)}${']'.repeat(5000)} prose`, hasJson: true },
  { label: '20,000 fences around an open brace', text: '```\n{\n```\n'.repeat(20_000), hasJson: false },
  { label: '2,000,000 characters without JSON', text: 'x'.repeat(2_000_000), hasJson: false },
];
