import { compilerPath } from '../changes/checkerHost';
import { ProjectModel } from './projectModel';

/** Limits of {@link ProjectModels}. */
export interface ProjectModelLimits {
  /** A model unused this long is released (ms); 0 releases each one as soon as its request ends. */
  readonly idleMs: number;
  /** A model holding more source text than this (characters; ~10 bytes of memory each once parsed) is emptied after its request. */
  readonly maxChars: number;
}

/** Default limits: 10 minutes idle; 30 M characters of parsed text (≈ 300 MiB). */
export const DEFAULT_MODEL_LIMITS: ProjectModelLimits = { idleMs: 10 * 60_000, maxChars: 30_000_000 };

/**
 * The project models of a window, one per folder root: made on first use, released when the
 * folder closes (`release`), after `idleMs` without a request (`releaseIdle`, called by the owner's
 * timer) or when the window goes. Plain core code: the editor adapter feeds it events and time.
 */
export class ProjectModels {
  readonly #models = new Map<string, ProjectModel>();

  constructor(private limits: ProjectModelLimits = DEFAULT_MODEL_LIMITS) {}

  /** Changes the limits (a setting changed); applies from the next request or sweep. */
  setLimits(limits: ProjectModelLimits): void {
    this.limits = limits;
  }

  /** The model of the folder at `root`, made when there is none yet. */
  get(root: string, now: number = Date.now()): ProjectModel {
    let model = this.#models.get(root);
    if (model === undefined) {
      model = new ProjectModel(root, now);
      this.#models.set(root, model);
    }
    return model;
  }

  /** The model of the folder at `root`, if one is kept. */
  find(root: string): ProjectModel | undefined {
    return this.#models.get(root);
  }

  /** The kept model whose folder holds the absolute `path` (the innermost folder), if any. */
  owning(path: string): ProjectModel | undefined {
    const file = compilerPath(path);
    let best: ProjectModel | undefined;
    for (const [root, model] of this.#models) {
      const dir = compilerPath(root).replace(/\/$/, '');
      if ((file === dir || file.startsWith(`${dir}/`)) && (best === undefined || dir.length > compilerPath(best.root).length)) {
        best = model;
      }
    }
    return best;
  }

  /** After a request: keeps memory within `maxChars` (an oversized model is emptied, not kept half-full), or releases the model at once when `idleMs` is 0. */
  afterRequest(model: ProjectModel): void {
    if (this.limits.idleMs <= 0) {
      this.release(model.root);
    } else if (model.chars > this.limits.maxChars) {
      model.clear();
    }
  }

  /** Releases the model of `root` (its folder closed); returns whether one was kept. */
  release(root: string): boolean {
    const model = this.#models.get(root);
    model?.clear();
    return this.#models.delete(root);
  }

  /** Releases the models unused for `idleMs`; returns their roots. */
  releaseIdle(now: number = Date.now()): string[] {
    const idle = [...this.#models.values()].filter((m) => now - m.lastUsed >= this.limits.idleMs).map((m) => m.root);
    idle.forEach((root) => this.release(root));
    return idle;
  }

  /** The roots of the kept models. */
  roots(): string[] {
    return [...this.#models.keys()];
  }

  /** Releases every model. */
  clear(): void {
    [...this.#models.keys()].forEach((root) => this.release(root));
  }
}
