import type { Problem, RawFrame } from '../triageTypes';

/** `file(line,col): error TS1234: message` (--pretty false, MSBuild style). */
const PLAIN = /^(.+?)\((\d+),(\d+)\):\s+(error|warning)\s+(TS\d+):\s*(.*)$/;
/** `file:line:col - error TS1234: message` (--pretty, colours stripped). */
const PRETTY = /^(.+?):(\d+):(\d+)\s+-\s+(error|warning)\s+(TS\d+):\s*(.*)$/;

/** TypeScript diagnostics in both printed forms; each becomes a problem with its one location. */
export function parseTsc(text: string): Problem<RawFrame>[] {
  const problems: Problem<RawFrame>[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\u001b\[[0-9;]*m/g, '');
    const m = PLAIN.exec(line) ?? PRETTY.exec(line);
    if (!m) {
      continue;
    }
    // Message continuation lines (chained diagnostics) are indented under the first line.
    const more: string[] = [];
    while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]!) && !/^\d+\s/.test(lines[i + 1]!.trim()) && PLAIN.exec(lines[i + 1]!) === null) {
      more.push(lines[++i]!.trim());
    }
    const frame: RawFrame = { raw: line.trim(), async: false, location: m[1]!.trim(), line: Number(m[2]), column: Number(m[3]) };
    problems.push({ name: m[5]!, message: [m[6]!, ...more].join('\n'), frames: [frame], nested: [] });
  }
  return problems;
}
