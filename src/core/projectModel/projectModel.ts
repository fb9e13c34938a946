import { CheckSession, type CheckReuse, type FileEventKind } from '../changes/checkSession';
import { detectProject } from '../project/detectProject';
import { createNodeProjectFs } from '../project/nodeProjectFs';
import type { ProjectFacts } from '../project/projectFacts';
import { recordingProjectFs, stillTheSame, type Observations } from './recordingProjectFs';

/** What one request got from the model: the numbers the log line and the tests read. */
export interface ModelRequest {
  /** 1 for the first request served by this model, 2 for the second, … */
  readonly request: number;
  /** Whether an earlier request had already filled the model (parses, facts, program). */
  readonly warm: boolean;
  /** Whether the project facts were reused (nothing detection read had changed). */
  readonly factsReused: boolean;
  /** What the type check reused (absent when the request type-checked nothing). */
  readonly check?: CheckReuse;
}

/**
 * What Routecraft keeps about one project (the editor: one per workspace folder) between
 * requests, so the second Generate Endpoint / Generate Tests costs only what changed: project
 * facts (re-validated by stat'ing what detection read) and the type checks' session (parses,
 * unsaved editors, compiler options, last program). Fed by the caller's file and editor events;
 * never imports the editor. Correctness comes first: every reuse is re-checked against the disk.
 */
export class ProjectModel {
  readonly session = new CheckSession();
  readonly #facts = new Map<string, { readonly facts: ProjectFacts; readonly observations: Observations }>();
  #requests = 0;
  #current: { request: number; factsReused: boolean } | undefined;
  #last: ModelRequest | undefined;
  #lastUsed: number;

  constructor(readonly root: string, now: number = Date.now()) {
    this.#lastUsed = now;
  }

  /** Starts a request (call before `detect` / the type check); returns its number. */
  beginRequest(now: number = Date.now()): number {
    this.#requests += 1;
    this.#lastUsed = now;
    this.#current = { request: this.#requests, factsReused: false };
    return this.#requests;
  }

  /** Ends the request started last and returns what it reused. */
  endRequest(now: number = Date.now()): ModelRequest {
    const current = this.#current ?? { request: this.#requests, factsReused: false };
    const check = this.session.lastReuse;
    this.#last = { request: current.request, warm: current.request > 1, factsReused: current.factsReused, ...(check ? { check } : {}) };
    this.#current = undefined;
    this.#lastUsed = now;
    return this.#last;
  }

  /** What the last finished request reused. */
  get lastRequest(): ModelRequest | undefined {
    return this.#last;
  }

  /** When the model was last used (ms since the epoch). */
  get lastUsed(): number {
    return this.#lastUsed;
  }

  /** The project facts of `root` (this folder or a package in it): kept while nothing detection read has changed. */
  async detect(root: string): Promise<ProjectFacts> {
    const kept = this.#facts.get(root);
    if (kept !== undefined && (await stillTheSame(kept.observations))) {
      if (this.#current) {
        this.#current.factsReused = true;
      }
      return kept.facts;
    }
    const recording = recordingProjectFs(createNodeProjectFs(root), root);
    const facts = await detectProject(root, recording.fs);
    this.#facts.set(root, { facts, observations: recording.observations });
    return facts;
  }

  /** A file watcher's report (absolute path). */
  fileEvent(path: string, kind: FileEventKind): void {
    this.#facts.clear();
    this.session.fileEvent(path, kind);
  }

  /** An editor's unsaved text (absolute path); `undefined` once it matches the disk again. */
  setBuffer(path: string, text: string | undefined): void {
    this.session.setBuffer(path, text);
  }

  /** Characters of source text held: a proxy for the memory the model takes. */
  get chars(): number {
    return this.session.chars;
  }

  /** Drops what is kept (parses, facts, program); the next request is cold again but still correct. */
  clear(): void {
    this.#facts.clear();
    this.session.clear();
  }
}
