/** A fenced code block found in an answer. */
export interface CodeBlock {
  /** First word of the info string, lower-cased (`ts`, `typescript`, `json`); '' when absent. */
  readonly lang: string;
  readonly code: string;
  /** The whole info string after the fence (`ts title="x.ts"`). */
  readonly info: string;
  /** Character offsets of the block (fences included) in the answer. */
  readonly start: number;
  readonly end: number;
}

const OPEN = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
const CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * Fenced code blocks (``` or ~~~, CommonMark rules: a closing fence uses the same character and
 * is at least as long). A block left open runs to the end of the text, as an answer cut by a
 * token limit would.
 */
export function extractCodeBlocks(text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let open: { fence: string; info: string; start: number; body: string[] } | undefined;
  for (const rawLine of lines) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const lineEnd = offset + rawLine.length;
    if (open === undefined) {
      const match = OPEN.exec(line);
      if (match) {
        open = { fence: match[1] ?? '```', info: (match[2] ?? '').trim(), start: offset, body: [] };
      }
    } else {
      const close = CLOSE.exec(line);
      const fence = close?.[1];
      if (fence !== undefined && fence[0] === open.fence[0] && fence.length >= open.fence.length) {
        blocks.push(toBlock(open, lineEnd));
        open = undefined;
      } else {
        open.body.push(line);
      }
    }
    offset = lineEnd + 1;
  }
  if (open !== undefined) {
    blocks.push(toBlock(open, text.length));
  }
  return blocks;
}

function toBlock(open: { info: string; start: number; body: string[] }, end: number): CodeBlock {
  const lang = (open.info.split(/\s+/)[0] ?? '').replace(/^\{?\.?/, '').replace(/\}$/, '').toLowerCase();
  return { lang, code: open.body.join('\n'), info: open.info, start: open.start, end };
}
