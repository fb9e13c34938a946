import * as fs from 'node:fs';

/** Resolves once `file` exists and `accept(content)` holds; rejects with the last content after `timeoutMs`. */
export async function waitForFileContent(file: string, accept: (content: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  for (;;) {
    last = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (last !== undefined && accept(last)) {
      return last;
    }
    if (Date.now() > deadline) {
      throw new Error(`${file} did not get the expected content within ${timeoutMs} ms; it ${last === undefined ? 'does not exist' : `holds:\n${last}`}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
