import * as vscode from 'vscode';
import type { Logger } from '../../core/util/logger';
import { DEFAULT_MODEL_LIMITS, ProjectModels, type ModelRequest, type ProjectModel } from '../../core/projectModel';
import { readSettings } from '../settings';

/** What the generate commands need of the window's project models. */
export interface ProjectModelProvider {
  begin(folder: vscode.WorkspaceFolder): ProjectModel;
  end(model: ProjectModel, command: string, elapsedMs: number): ModelRequest;
}

/** Runs `work` as one request of the folder's model (when there is a provider); returns its result and what the model reused. */
export async function withProjectModel<T>(provider: ProjectModelProvider | undefined, folder: vscode.WorkspaceFolder, command: string, work: (model: ProjectModel | undefined) => Promise<T>): Promise<{ readonly result: T; readonly model?: ModelRequest }> {
  if (provider === undefined) {
    return { result: await work(undefined) };
  }
  const model = provider.begin(folder);
  const started = performance.now();
  try {
    const result = await work(model);
    return { result, model: provider.end(model, command, performance.now() - started) };
  } catch (error) {
    // Ended even when the request threw, so the model's counters stay right.
    provider.end(model, command, performance.now() - started);
    throw error;
  }
}

/** How often idle models are looked for (at most; sooner when the keep time is shorter). */
const SWEEP_MS = 60_000;

/**
 * The window's project models (one per workspace folder, made on the first Generate Endpoint /
 * Generate Tests there), fed by the editor: a file system watcher per folder, the text of unsaved
 * editors, folders closing, and a timer that releases models idle longer than
 * `routecraft.performance.keepProjectModelMinutes`. The core does the work; this only forwards events.
 */
export class EditorProjectModels implements ProjectModelProvider, vscode.Disposable {
  readonly #models = new ProjectModels(DEFAULT_MODEL_LIMITS);
  readonly #watchers = new Map<string, vscode.Disposable>();
  readonly #disposables: vscode.Disposable[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly logger: Logger) {
    this.#disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.#buffer(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.#buffer(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.#buffer(d, true)),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => e.removed.forEach((f) => this.#release(f.uri.fsPath, 'its folder was closed'))),
    );
  }

  /** Starts a request in `folder`: its model (made, watched and filled with the unsaved editors the first time). */
  begin(folder: vscode.WorkspaceFolder): ProjectModel {
    const keepMs = readSettings(folder.uri).projectModel.keepMs;
    this.#models.setLimits({ ...DEFAULT_MODEL_LIMITS, idleMs: keepMs });
    const root = folder.uri.fsPath;
    const model = this.#models.get(root);
    if (!this.#watchers.has(root)) {
      this.#watch(folder, model);
    }
    this.#schedule(keepMs);
    model.beginRequest();
    return model;
  }

  /** Ends the request: logs what it reused, then applies the limits (memory, keep time 0). */
  end(model: ProjectModel, command: string, elapsedMs: number): ModelRequest {
    const done = model.endRequest();
    const check = done.check ? `; ${String(done.check.reusedParses)} parsed files reused, ${String(done.check.newParses)} parsed, program ${done.check.programReused ? 'reused' : 'built'}` : '';
    this.logger.info(`${command}: project model ${done.warm ? 'warm' : 'cold'} (request ${String(done.request)} in ${model.root}; facts ${done.factsReused ? 'reused' : 'detected'}${check}); ${elapsedMs.toFixed(0)} ms`);
    this.#models.afterRequest(model);
    if (this.#models.find(model.root) === undefined) {
      this.#unwatch(model.root);
    }
    return done;
  }

  dispose(): void {
    if (this.#timer !== undefined) {
      clearInterval(this.#timer);
    }
    for (const disposable of [...this.#watchers.values(), ...this.#disposables]) {
      disposable.dispose();
    }
    this.#watchers.clear();
    this.#models.clear();
  }

  #watch(folder: vscode.WorkspaceFolder, model: ProjectModel): void {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
    const forward = (kind: 'created' | 'changed' | 'deleted') => (uri: vscode.Uri): void => {
      if (uri.scheme === 'file') {
        this.#models.find(folder.uri.fsPath)?.fileEvent(uri.fsPath, kind);
      }
    };
    this.#watchers.set(folder.uri.fsPath, vscode.Disposable.from(watcher, watcher.onDidCreate(forward('created')), watcher.onDidChange(forward('changed')), watcher.onDidDelete(forward('deleted'))));
    for (const document of vscode.workspace.textDocuments) {
      if (document.isDirty && document.uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath === folder.uri.fsPath) {
        model.setBuffer(document.uri.fsPath, document.getText());
      }
    }
  }

  #buffer(document: vscode.TextDocument, closed = false): void {
    if (document.uri.scheme !== 'file') {
      return;
    }
    this.#models.owning(document.uri.fsPath)?.setBuffer(document.uri.fsPath, !closed && document.isDirty ? document.getText() : undefined);
  }

  #schedule(keepMs: number): void {
    if (this.#timer !== undefined || keepMs <= 0) {
      return;
    }
    this.#timer = setInterval(() => {
      for (const root of this.#models.releaseIdle()) {
        this.#unwatch(root);
        this.logger.info(`Project model of ${root} released: unused for ${String(Math.round(keepMs / 60_000))} min`);
      }
      if (this.#models.roots().length === 0 && this.#timer !== undefined) {
        clearInterval(this.#timer);
        this.#timer = undefined;
      }
    }, Math.min(SWEEP_MS, keepMs));
    this.#timer.unref?.();
  }

  #release(root: string, why: string): void {
    if (this.#models.release(root)) {
      this.logger.info(`Project model of ${root} released: ${why}`);
    }
    this.#unwatch(root);
  }

  #unwatch(root: string): void {
    this.#watchers.get(root)?.dispose();
    this.#watchers.delete(root);
  }
}
