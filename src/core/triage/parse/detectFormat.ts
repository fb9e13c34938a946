import type { LogFormat } from '../triageTypes';

/** Which tool printed `text`, from its signature lines; `node` (plain V8 traces) otherwise. */
export function detectFormat(text: string): LogFormat {
  if (/^\s*(?:.+?\(\d+,\d+\):|.+?:\d+:\d+ -)\s+error TS\d+:/m.test(text)) {
    return 'tsc';
  }
  if (/^TAP version \d+/m.test(text) || (/^\s*# Subtest: /m.test(text) && /^\s*not ok \d+ - /m.test(text))) {
    return 'node-test-tap';
  }
  if (/^\s*FAIL\s+\S+\s+>\s+/m.test(text) || /^\s*❯\s+\S+:\d+:\d+/m.test(text)) {
    return 'vitest';
  }
  if (/^\s*●\s+\S/m.test(text)) {
    return 'jest';
  }
  if (/^\s*\d+ failing/m.test(text) && /^\s{0,4}\d+\) /m.test(text)) {
    return 'mocha';
  }
  if (/^\s*✖\s+/m.test(text) && /^\s*ℹ (tests|fail) \d+/m.test(text)) {
    return 'node-test';
  }
  return 'node';
}
