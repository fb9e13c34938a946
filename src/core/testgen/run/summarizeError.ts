const MAX_MESSAGE_LINES = 12;
const MAX_STACK_LINES = 3;
const MAX_CHARS = 1500;

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function isStackLine(line: string): boolean {
  return /^\s*at\s/.test(line);
}

/** Stack frames of the runner itself or of Node say nothing about the test. */
function isNoiseFrame(line: string): boolean {
  return /node_modules|node:internal|\(<anonymous>\)|node:async_hooks/.test(line);
}

/**
 * The message and the first stack lines of a runner's failure text, without colour codes,
 * runner-internal frames, or more than about 1,500 characters.
 */
export function summarizeError(text: string): string {
  const lines = text.replace(ANSI, '').split(/\r?\n/);
  const message: string[] = [];
  const stack: string[] = [];
  for (const line of lines) {
    if (isStackLine(line)) {
      if (!isNoiseFrame(line) && stack.length < MAX_STACK_LINES) {
        stack.push(line.trim());
      }
    } else if (stack.length === 0 && message.length < MAX_MESSAGE_LINES) {
      message.push(line.trimEnd());
    }
  }
  while (message.length > 0 && message[message.length - 1] === '') {
    message.pop();
  }
  const summary = [...message, ...stack.map((line) => `  ${line}`)].join('\n').trim();
  return summary.length > MAX_CHARS ? `${summary.slice(0, MAX_CHARS)}…` : summary;
}

/** `AssertionError`, `TypeError`… from the first line of an error text, when it starts with one. */
export function errorNameOf(text: string): string | undefined {
  const match = /^\s*([A-Za-z_$][\w$]*(?:Error|Exception))\b/.exec(text.replace(ANSI, ''));
  return match?.[1];
}
