import type { RawFrame } from '../triageTypes';

/** `path:line:col` or `path:line` at the end of a location; the path may hold colons (C:\, file:///). */
const LOCATION = /^(.*?):(\d+)(?::(\d+))?$/;
/** `at [async] [new] fn (location)` or `at [async] location` (V8). */
const V8 = /^\s*at\s+(async\s+)?(?:(.+?)\s+\((.+)\)|(.+))\s*$/;
/** vitest: `❯ fn path:line:col` or `❯ path:line:col`. */
const VITEST = /^\s*❯\s+(?:(\S.*?)\s+)?(\S+:\d+:\d+)\s*$/;
/** node:test TAP stack lines: `fn (location)` or a bare location, no `at`. */
const BARE = /^\s*(async\s+)?(?:(.+?)\s+\((.+)\)|(\S+:\d+:\d+))\s*$/;

/** Parses one printed stack-frame line; undefined when the line is not a frame. */
export function parseFrameLine(printed: string, style: 'v8' | 'bare' = 'v8'): RawFrame | undefined {
  // util.inspect prints `at f (x:1:2) {` before an error's own properties and `,` between [errors].
  const line = printed.replace(/\)\s*[{,]\s*$/, ')').replace(/(:\d+)\s*[{,]\s*$/, '$1');
  const vitest = VITEST.exec(line);
  if (vitest) {
    return build(line, false, vitest[1], vitest[2]!);
  }
  const match = (style === 'v8' ? V8 : BARE).exec(line);
  if (!match) {
    return undefined;
  }
  const location = match[3] ?? match[4];
  if (location === undefined || (match[3] === undefined && !looksLikeLocation(location))) {
    return undefined;
  }
  return build(line, match[1] !== undefined, match[2], location);
}

function build(line: string, isAsync: boolean, fn: string | undefined, where: string): RawFrame {
  const loc = LOCATION.exec(where.trim());
  const location = loc ? loc[1]! : where.trim();
  return {
    raw: line.trim(),
    ...(fn === undefined ? {} : { functionName: fn.replace(/^new\s+/, '') }),
    async: isAsync,
    location,
    ...(loc ? { line: Number(loc[2]) } : {}),
    ...(loc?.[3] === undefined ? {} : { column: Number(loc[3]) }),
  };
}

function looksLikeLocation(text: string): boolean {
  return /:\d+(?::\d+)?$/.test(text) || text === '<anonymous>' || text === 'native';
}
