/**
 * The tests a generated file declares, read from its text: `it(…` with a function, and todos —
 * `it.todo('…')` (vitest, jest, node:test) or mocha's pending `it('…')`, a one-line call without a
 * function (a test with one ends its first line with `{`).
 */
export function countTests(source: string): { readonly total: number; readonly todo: number; readonly run: number } {
  const total = [...source.matchAll(/^\s*it(?:\.todo)?\(/gm)].length;
  const todo = [...source.matchAll(/^\s*it(?:\.todo)?\(.*\);?\s*$/gm)].length;
  return { total, todo, run: total - todo };
}
