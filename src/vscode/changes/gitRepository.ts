import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { repositoryRoot } from '../../core/review';

/** The slice of the built-in git extension's API (`vscode.git`, API version 1) used here. */
interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly repositories: readonly { readonly rootUri: vscode.Uri }[];
  getRepository(uri: vscode.Uri): { readonly rootUri: vscode.Uri } | null;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** Where the repository root came from, for the log. */
export interface FoundRepository {
  readonly root: string;
  readonly via: 'git extension' | 'git CLI';
}

/**
 * The repository to review: the git extension's repository for `hint` (an SCM resource, the active
 * file) or the only one it knows; when the extension is disabled (`git.enabled: false`) or has not
 * opened the folder, the `git` CLI from the first workspace folder.
 */
export async function findRepository(hint: vscode.Uri | undefined): Promise<FoundRepository | undefined> {
  const api = await gitApi();
  if (api) {
    const byHint = hint ? api.getRepository(hint) : null;
    const repo = byHint ?? (api.repositories.length === 1 ? api.repositories[0] : undefined);
    if (repo) {
      return { root: repo.rootUri.fsPath, via: 'git extension' };
    }
  }
  const folder = (hint ? vscode.workspace.getWorkspaceFolder(hint) : undefined) ?? vscode.workspace.workspaceFolders?.[0];
  const candidates = [hint?.scheme === 'file' ? hint.fsPath : undefined, hint?.scheme === 'file' ? dirname(hint.fsPath) : undefined, folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined];
  for (const dir of candidates) {
    if (dir !== undefined && existsSync(dir) && statSync(dir).isDirectory()) {
      try {
        return { root: await repositoryRoot(dir), via: 'git CLI' };
      } catch {
        // Not a repository: try the next candidate.
      }
    }
  }
  return undefined;
}

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) {
    return undefined;
  }
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where to look for the repository, from a command argument: an SCM resource group or resource
 * state (Source Control menus), a Uri, or `{ repository: '/abs/path' }` (scripts and tests).
 */
export function uriFromScmArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) {
    return arg;
  }
  if (typeof arg === 'object' && arg !== null && typeof (arg as { repository?: unknown }).repository === 'string') {
    return vscode.Uri.file((arg as { repository: string }).repository);
  }
  if (typeof arg === 'object' && arg !== null) {
    const scm = arg as { rootUri?: unknown; resourceUri?: unknown; resourceStates?: readonly { resourceUri?: unknown }[] };
    const candidate = scm.rootUri ?? scm.resourceUri ?? scm.resourceStates?.[0]?.resourceUri;
    if (candidate instanceof vscode.Uri) {
      return candidate;
    }
  }
  return undefined;
}
