import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { projectPath } from '../../project/nodeProjectFs';
import type { ProjectFiles } from '../../project/projectFs';

/** A position in the original source a map led to (absolute path, 1-based line and column). */
export interface OriginalPosition {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** Source maps read once per generated file during one triage (no module-level state). */
export class SourceMaps {
  private readonly maps = new Map<string, TraceMap | undefined>();

  /** Files (absolute paths) are read through `files`, the project under `root`. */
  constructor(private readonly root: string, private readonly files: ProjectFiles) {}

  /** Where generated `file` at `line`/`column` (1-based) came from, when it has a usable map. */
  original(file: string, line: number, column: number): OriginalPosition | undefined {
    if (!/\.[cm]?jsx?$/.test(file)) {
      return undefined;
    }
    const map = this.mapOf(file);
    if (!map) {
      return undefined;
    }
    const found = originalPositionFor(map, { line, column: Math.max(0, column - 1) });
    if (found.source === null || found.line === null) {
      return undefined;
    }
    const path = found.source.startsWith('file:') ? fileURLToPath(found.source) : resolve(dirname(file), found.source);
    return { path, line: found.line, column: (found.column ?? 0) + 1 };
  }

  private mapOf(file: string): TraceMap | undefined {
    if (!this.maps.has(file)) {
      this.maps.set(file, readMap(file, (absolute) => this.files.read(projectPath(this.root, absolute))));
    }
    return this.maps.get(file);
  }
}

/** The map named by the file's last `sourceMappingURL` comment (a file or a data: URL), else `file.map`. */
function readMap(file: string, read: (absolute: string) => string | undefined): TraceMap | undefined {
  let text: string | undefined;
  try {
    text = read(file);
  } catch {
    return undefined;
  }
  if (text === undefined) {
    return undefined;
  }
  const urls = [...text.matchAll(/\/[/*][#@]\s*sourceMappingURL=([^\s*]+)/g)];
  const url = urls[urls.length - 1]?.[1];
  try {
    if (url?.startsWith('data:')) {
      const comma = url.indexOf(',');
      const body = url.slice(comma + 1);
      const json = /;base64$/.test(url.slice(0, comma)) ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
      return new TraceMap(json, pathToFileURL(file).href);
    }
    const mapPath = url === undefined ? `${file}.map` : resolve(dirname(file), decodeURIComponent(url));
    const mapText = read(mapPath);
    return mapText === undefined ? undefined : new TraceMap(mapText, pathToFileURL(mapPath).href);
  } catch {
    return undefined;
  }
}
