import type { SampledFile } from './sampleFiles';

/** A Hono app file found by {@link detectHonoAppFile}, with the line that shows it. */
export interface HonoAppFileResult {
  readonly appFile: string;
  /** `src/app.ts:6` — where the exported app is created. */
  readonly evidence: string;
}

const ENTRY_NAME = /(?:^|\/)(?:app|server|index|main)\.[cm]?ts$/;

/** The names a file exports (`export default app`, `export const app =`, `export { app }`). */
function exportedNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/\bexport\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*$/gm)) {
    names.add(m[1]!);
  }
  for (const m of code.matchAll(/\bexport\s+(?:const|let)\s+([A-Za-z_$][\w$]*)/g)) {
    names.add(m[1]!);
  }
  for (const m of code.matchAll(/\bexport\s*\{([^}]*)\}/g)) {
    m[1]!.split(',').map((s) => s.trim().split(/\s+as\s+/)[0]!).filter(Boolean).forEach((n) => names.add(n));
  }
  return names;
}

/**
 * The file that exports the Hono app and mounts routers on it, whether the app is `new Hono()` /
 * `new OpenAPIHono()` or built by a factory (`const app = createApp()`), with routers mounted by
 * `app.route(...)` calls or by looping over a routes array. A text scan of the sampled sources;
 * the generator then reads the file's AST. Undefined when no file, or more than one equally, fits.
 */
export function detectHonoAppFile(sources: readonly SampledFile[]): HonoAppFileResult | undefined {
  const scored: { file: SampledFile; score: number; line: number }[] = [];
  for (const file of sources) {
    for (const name of exportedNames(file.code)) {
      const creation = new RegExp(`\\b(?:const|let)\\s+${name.replace(/\$/g, '\\$')}\\s*(?::[^=]+)?=\\s*(new\\s+(?:Hono|OpenAPIHono)\\b|[A-Za-z_$][\\w$]*\\s*\\()`).exec(file.code);
      const mounts = [...file.code.matchAll(new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*\\.\\s*route\\s*\\(`, 'g'))].length;
      if (!creation || mounts === 0) {
        continue;
      }
      const looped = /\.forEach\s*\(|\bfor\s*\(\s*const\s+\w+\s+of\b/.test(file.code) ? 1 : 0;
      scored.push({ file, score: 2 * Math.min(mounts, 10) + looped + (ENTRY_NAME.test(file.path) ? 1 : 0), line: file.code.slice(0, creation.index).split('\n').length });
      break;
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || (second && second.score === best.score)) {
    return undefined;
  }
  return { appFile: best.file.path, evidence: `${best.file.path}:${String(best.line)}` };
}
