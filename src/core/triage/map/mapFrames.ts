import { relative, sep } from 'node:path';
import { createNodeProjectFiles, projectPath } from '../../project/nodeProjectFs';
import type { ProjectFileReader } from '../../project/projectFs';
import type { Frame, ParsedLog, Problem, RawFrame } from '../triageTypes';
import { inside, locatePath } from './locatePath';
import { SourceMaps } from './sourceMaps';

/**
 * Gives every frame its origin and, for the project's own frames, the source file and line the
 * user edits: generated code (dist/…js) is followed through its source map when the original
 * source is in the project. Frames in node_modules, Node internals and native code keep their
 * printed location and are marked so the prompt can leave them out. `files` reads the project
 * (default: the folder on disk).
 */
export function mapFrames(log: ParsedLog<RawFrame>, root: string, files: ProjectFileReader = createNodeProjectFiles(root)): ParsedLog {
  const maps = new SourceMaps(root, files);
  const mapProblem = (p: Problem<RawFrame>): Problem => ({ ...p, frames: p.frames.map((f) => mapFrame(f, root, files, maps)), nested: p.nested.map(mapProblem) });
  return { format: log.format, problems: log.problems.map(mapProblem) };
}

function mapFrame(frame: RawFrame, root: string, files: ProjectFileReader, maps: SourceMaps): Frame {
  const where = locatePath(frame.location, root, files);
  if (where.kind === 'node' || where.kind === 'native') {
    return { ...frame, origin: where.kind };
  }
  if (where.kind === 'outside') {
    return { ...frame, origin: where.dependency ? 'dependency' : 'outside' };
  }
  if (where.dependency) {
    return { ...frame, origin: 'dependency' };
  }
  const line = frame.line ?? 1;
  const column = frame.column ?? 1;
  const original = maps.original(where.path, line, column);
  if (original && inside(root, original.path) && files.exists(projectPath(root, original.path)) && !original.path.split(sep).includes('node_modules')) {
    return { ...frame, origin: 'project', mapped: { path: rel(root, original.path), line: original.line, column: original.column, via: 'source-map' } };
  }
  return { ...frame, origin: 'project', mapped: { path: rel(root, where.path), line, column, via: 'direct' } };
}

function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
