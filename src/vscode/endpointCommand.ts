import * as vscode from 'vscode';
import { generateEndpoint, type EndpointRequest } from '../core/endpoint/generateEndpoint';
import type { FactOverrides } from '../core/endpoint/codegenOptions';
import { parseSpecText } from '../core/endpointSpec/inputs/parseSpecText';
import type { LlmClient } from '../core/llm/types';
import type { UnknownFact } from '../core/project/projectFacts';
import type { ModelRequest } from '../core/projectModel';
import { withCancellableProgress } from './cancellableProgress';
import { withProjectModel, type ProjectModelProvider } from './projectModel/editorProjectModels';
import { trustedOrExplain } from './restrictedMode';
import type { ReviewOutcome, Reviewer } from './review/changeReview';

export interface EndpointDeps {
  readonly createClient: (scope: vscode.Uri) => Promise<{ client: LlmClient }>;
  readonly reportError: (message: string) => void;
  /** Shows the change in the multi-file review (see ReviewController). */
  readonly review: Reviewer;
  /** The window's project models: the second generation in a folder reuses what the first one read. */
  readonly models?: ProjectModelProvider;
}

/** What the review ended with; `model` says what the folder's project model reused for the generation shown. */
export type EndpointOutcome = (ReviewOutcome & { readonly model?: ModelRequest }) | { readonly kind: 'cancelled' } | { readonly kind: 'failed'; readonly message: string };

/**
 * "Routecraft: Generate Endpoint": the selection (a description, a spec, an OpenAPI operation, an
 * interface or a zod schema), else the whole active YAML/JSON document when it is an OpenAPI
 * document or a Routecraft spec, else a typed description → a reviewed, type-checked change.
 * Structured input needs no LLM, so no client is made for it (no key prompt, nothing sent).
 * `description` lets tests and other commands pass the text directly.
 */
export async function generateEndpointCommand(deps: EndpointDeps, description?: string): Promise<EndpointOutcome | undefined> {
  if (!trustedOrExplain(vscode.l10n.t('Generate Endpoint reads your project and may send a description to your LLM server.'))) {
    return undefined;
  }
  const folder = await pickFolder();
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Routecraft: open the project folder first.'));
    return undefined;
  }
  const text = description ?? selectedText() ?? structuredDocumentText() ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Routecraft: Generate Endpoint'),
    prompt: vscode.l10n.t('Describe the endpoint(s): e.g. "user registration takes phone, email and password; password at least 8 characters with upper and lower case"'),
    ignoreFocusOut: true,
  }));
  if (!text?.trim()) {
    return undefined;
  }
  const client = parseSpecText(text).kind === 'not-structured' ? (await deps.createClient(folder.uri)).client : undefined;
  // In a monorepo the package of the active editor gets the endpoint.
  const activeFile = activeFilePath();
  let overrides: FactOverrides = {};
  for (;;) {
    let model: ModelRequest | undefined;
    const result = await withCancellableProgress(
      vscode.l10n.t('Routecraft: Generate Endpoint'),
      async (progress, signal) => {
        const generated = await withProjectModel(deps.models, folder, 'routecraft.generateEndpoint', (projectModel) => {
          const request: EndpointRequest = { root: folder.uri.fsPath, text, llm: client, overrides, signal, command: 'routecraft.generateEndpoint', onProgress: (message) => progress.report({ message }), ...(activeFile ? { activeFile } : {}), ...(projectModel ? { model: projectModel } : {}) };
          return generateEndpoint(request);
        });
        model = generated.model;
        return generated.result;
      },
      (message) => ({ kind: 'error' as const, message }),
    );
    switch (result.kind) {
      case 'error':
        return failed(deps, result.message);
      case 'cancelled':
        return { kind: 'cancelled' };
      case 'failed':
        return failed(deps, result.error.message);
      case 'invalid':
        return failed(deps, vscode.l10n.t('The spec could not be used; nothing was changed. {0}', result.issues.slice(0, 5).join('; ')));
      case 'needs-input': {
        const answered = await ask(result.questions, overrides);
        if (!answered) {
          return undefined;
        }
        overrides = answered;
        continue;
      }
      case 'ok': {
        for (const note of result.notes) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: {0}', note));
        }
        const outcome = await deps.review(result.changeSet, { label: result.changeSet.summary, baseline: result.baseline, ...(result.mainFile ? { mainFile: result.mainFile } : {}) });
        if (outcome.kind === 'applied' && result.installCommand && outcome.written.includes('package.json')) {
          offerInstall(folder, result.installCommand);
        }
        if (outcome.kind === 'stale') {
          const regenerate = vscode.l10n.t('Regenerate');
          const again = await vscode.window.showWarningMessage(
            vscode.l10n.t('Routecraft: {0} changed while the code was being generated. Nothing was written, so your edits are safe.', outcome.files.join(', ')),
            regenerate,
          );
          if (again === regenerate) {
            continue;
          }
        }
        return model ? { ...outcome, model } : outcome;
      }
    }
  }
}

/** package.json gained zod: offer to run the project's package manager in a terminal. */
function offerInstall(folder: vscode.WorkspaceFolder, command: string): void {
  const run = vscode.l10n.t('Run');
  void vscode.window.showInformationMessage(vscode.l10n.t('Routecraft: package.json now lists zod. Run `{0}`?', command), run).then((choice) => {
    if (choice === run) {
      const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Routecraft: install'), cwd: folder.uri });
      terminal.show();
      terminal.sendText(command);
    }
  });
}

function failed(deps: EndpointDeps, message: string): EndpointOutcome {
  deps.reportError(message);
  return { kind: 'failed', message };
}

function activeFilePath(): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === 'file' ? uri.fsPath : undefined;
}

function selectedText(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  const text = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
  return text?.trim() ? text : undefined;
}

/** The active YAML or JSON document, whole, when nothing is selected and it is a spec or an OpenAPI document. */
function structuredDocumentText(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !editor.selection.isEmpty || !/^(yaml|json|jsonc)$/.test(editor.document.languageId)) {
    return undefined;
  }
  const text = editor.document.getText();
  return parseSpecText(text).kind === 'spec' ? text : undefined;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  const owner = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  if (owner || folders.length <= 1) {
    return owner ?? folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which project gets the endpoint?') });
}

/** Detection could not decide: ask, one quick pick per open question (never a silent guess). */
async function ask(questions: readonly UnknownFact[], overrides: FactOverrides): Promise<FactOverrides | undefined> {
  let next: FactOverrides = overrides;
  for (const question of questions) {
    const choice = await vscode.window.showQuickPick([...question.candidates], { title: vscode.l10n.t('Routecraft: {0}', question.reason), placeHolder: vscode.l10n.t('Choose the {0}', question.fact), ignoreFocusOut: true });
    if (!choice) {
      return undefined;
    }
    next = { ...next, [question.fact]: choice.replace(/@\d+$/, '') };
  }
  return next;
}
