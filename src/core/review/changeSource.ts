import { RoutecraftError } from '../errors';
import { createNodeProjectFs } from '../project/nodeProjectFs';
import { git, gitOrThrow, type GitOptions } from './git';

/** Which change to review. */
export type ChangeSource =
  | { readonly kind: 'working-tree' }
  | { readonly kind: 'staged' }
  | { readonly kind: 'commit'; readonly ref: string }
  | { readonly kind: 'range'; readonly range: string }
  | { readonly kind: 'branch'; readonly base?: string };

/** A change set as git gave it: the unified diff and a way to read each side of a file. */
export interface CollectedChange {
  /** What was reviewed, for titles (`working tree`, `commit 1a2b3c4`, `main...HEAD`). */
  readonly label: string;
  /** Absolute repository root. */
  readonly root: string;
  readonly diffText: string;
  /** The file after the change (`undefined` when deleted or unreadable). */
  readonly readAfter: (path: string) => Promise<string | undefined>;
  /** The file before the change (`undefined` when it was added or is unreadable). */
  readonly readBefore: (path: string) => Promise<string | undefined>;
  /**
   * Where the "after" side lives when it is not the working tree: a commit id, or `''` for the
   * index (staged changes). Findings on such a change open the file at this revision, not on disk.
   */
  readonly afterRevision?: string;
}

/** Tree of an empty repository: the "before" of a root commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const DIFF_FLAGS = ['diff', '--no-color', '--no-ext-diff', '--unified=3', '--find-renames'];
const SAFE_REF = /^[A-Za-z0-9_./~^@{}:+-]+$/;

/** The repository root that holds `dir`; throws a clear error when it is not in a git repository. */
export async function repositoryRoot(dir: string, signal?: AbortSignal): Promise<string> {
  const result = await git(['rev-parse', '--show-toplevel'], { cwd: dir, signal });
  if (result.kind !== 'ok') {
    throw new RoutecraftError('invalid-input', `${dir} is not inside a git repository (git rev-parse failed).`);
  }
  return result.stdout.trim();
}

/**
 * Collects a change set through the `git` CLI. The working tree is everything not committed
 * (staged and unstaged, new untracked files included); a branch is compared with its merge-base.
 * Refs are checked before they reach git (no option injection).
 */
export async function collectChange(dir: string, source: ChangeSource, signal?: AbortSignal): Promise<CollectedChange | undefined> {
  const root = await repositoryRoot(dir, signal);
  const options: GitOptions = { cwd: root, signal };
  const show = (rev: string) => async (path: string): Promise<string | undefined> => {
    const r = await git(['show', `${rev}:${path}`], options);
    return r.kind === 'ok' ? r.stdout : undefined;
  };
  const fs = createNodeProjectFs(root);
  const disk = async (path: string): Promise<string | undefined> => fs.readFile(path).catch(() => undefined);
  switch (source.kind) {
    case 'working-tree': {
      const head = await hasHead(options);
      const tracked = await gitOrThrow([...DIFF_FLAGS, head ? 'HEAD' : EMPTY_TREE, '--'], options);
      const untracked = await untrackedDiff(options, disk);
      if (tracked === undefined || untracked === undefined) {
        return undefined;
      }
      return { label: 'working tree', root, diffText: joinDiffs(tracked, untracked), readAfter: disk, readBefore: head ? show('HEAD') : () => Promise.resolve(undefined) };
    }
    case 'staged': {
      const head = await hasHead(options);
      const text = await gitOrThrow([...DIFF_FLAGS, '--cached', ...(head ? [] : [EMPTY_TREE]), '--'], options);
      return text === undefined ? undefined : { label: 'staged changes', root, diffText: text, readAfter: show(''), readBefore: head ? show('HEAD') : () => Promise.resolve(undefined), afterRevision: '' };
    }
    case 'commit': {
      const ref = checkRef(source.ref);
      const commit = (await gitOrThrow(['rev-parse', '--verify', `${ref}^{commit}`], options))?.trim();
      if (commit === undefined) {
        return undefined;
      }
      const parent = await git(['rev-parse', '--verify', `${commit}^`], options);
      const before = parent.kind === 'ok' ? parent.stdout.trim() : EMPTY_TREE;
      const text = await gitOrThrow([...DIFF_FLAGS, before, commit, '--'], options);
      return text === undefined ? undefined : { label: `commit ${commit.slice(0, 7)}`, root, diffText: text, readAfter: show(commit), readBefore: show(before), afterRevision: commit };
    }
    case 'range': {
      const match = /^(.*?)(\.\.\.?)(.*)$/.exec(source.range);
      if (!match) {
        throw new RoutecraftError('invalid-input', `Expected a range like A..B or A...B, got "${source.range}".`);
      }
      const from = checkRef(match[1] || 'HEAD');
      const to = checkRef(match[3] || 'HEAD');
      const base = match[2] === '...' ? (await gitOrThrow(['merge-base', from, to], options))?.trim() : from;
      if (base === undefined) {
        return undefined;
      }
      const text = await gitOrThrow([...DIFF_FLAGS, base, to, '--'], options);
      const after = (await gitOrThrow(['rev-parse', '--verify', `${to}^{commit}`], options))?.trim();
      return text === undefined || after === undefined ? undefined : { label: source.range, root, diffText: text, readAfter: show(after), readBefore: show(base), afterRevision: after };
    }
    case 'branch': {
      const baseRef = source.base === undefined ? await defaultBase(options) : checkRef(source.base);
      const base = (await gitOrThrow(['merge-base', baseRef, 'HEAD'], options))?.trim();
      if (base === undefined) {
        return undefined;
      }
      const head = (await gitOrThrow(['rev-parse', '--verify', 'HEAD^{commit}'], options))?.trim();
      const text = head === undefined ? undefined : await gitOrThrow([...DIFF_FLAGS, base, head, '--'], options);
      return text === undefined || head === undefined ? undefined : { label: `${baseRef}...HEAD`, root, diffText: text, readAfter: show(head), readBefore: show(base), afterRevision: head };
    }
  }
}

/**
 * A file as it is at `revision` (a commit id, or `''` for the index), for editors that show a
 * finding of an older change; `undefined` when git has no such file there.
 */
export async function readAtRevision(root: string, revision: string, path: string, signal?: AbortSignal): Promise<string | undefined> {
  if (revision !== '') {
    checkRef(revision);
  }
  if (path.startsWith('-') || path.split('/').includes('..')) {
    return undefined;
  }
  const r = await git(['show', `${revision}:${path}`], { cwd: root, signal });
  return r.kind === 'ok' ? r.stdout : undefined;
}

function checkRef(ref: string): string {
  if (ref.startsWith('-') || !SAFE_REF.test(ref)) {
    throw new RoutecraftError('invalid-input', `"${ref}" is not a git revision.`);
  }
  return ref;
}

async function hasHead(options: GitOptions): Promise<boolean> {
  return (await git(['rev-parse', '--verify', 'HEAD'], options)).kind === 'ok';
}

/** The branch a feature branch is compared with: origin's default branch, else main, else master. */
async function defaultBase(options: GitOptions): Promise<string> {
  const remoteHead = await git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], options);
  if (remoteHead.kind === 'ok' && remoteHead.stdout.trim() !== '') {
    return remoteHead.stdout.trim();
  }
  for (const candidate of ['main', 'master', 'origin/main', 'origin/master']) {
    if ((await git(['rev-parse', '--verify', '--quiet', candidate], options)).kind === 'ok') {
      return candidate;
    }
  }
  throw new RoutecraftError('invalid-input', 'No base branch found (origin/HEAD, main or master); name one, e.g. --base develop.');
}

/** New files git does not track yet, as "new file" diffs (text files up to 1 MB). */
async function untrackedDiff(options: GitOptions, read: (path: string) => Promise<string | undefined>): Promise<string | undefined> {
  const list = await gitOrThrow(['ls-files', '--others', '--exclude-standard', '-z'], options);
  if (list === undefined) {
    return undefined;
  }
  const parts: string[] = [];
  for (const path of list.split('\0').map((p) => p.trim()).filter((p) => p !== '')) {
    const text = await read(path);
    if (text === undefined || text.length > 1_000_000 || text.includes('\0')) {
      continue;
    }
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    parts.push(`diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`);
  }
  return parts.join('\n');
}

function joinDiffs(...diffs: string[]): string {
  // Only the final newline goes: a last context line may be a lone space, which must stay.
  return diffs.filter((d) => d.trim() !== '').map((d) => d.replace(/\n$/, '')).join('\n');
}
