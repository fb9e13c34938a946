import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExtension, createProfile, demoUserSettings, packageExtension, startEditor } from './demoEditor';
import { chooseDemoLlm, type DemoLlm, type DemoLlmMode } from './demoLlm';
import { prepareDemoWorkspace, type DemoWorkspace } from './demoWorkspace';

export interface DemoOptions {
  readonly port: number;
  /** Which server Explain and Generate Endpoint from words talk to (see chooseDemoLlm). */
  readonly llm?: DemoLlmMode;
  /** Build dist/ first (default true; the e2e runner has built it already). */
  readonly build?: boolean;
  /** code-server's output goes to `logFile` in the temp folder instead of this terminal. */
  readonly quiet?: boolean;
  /** Keep the temp folder (workspace, profile) after stop(). */
  readonly keep?: boolean;
}

/** The demo, running: open `folderUrl` in a browser. */
export interface RunningDemo {
  /** Temp folder holding the workspace copy, the .vsix and the editor profile. */
  readonly dir: string;
  readonly workspace: DemoWorkspace;
  readonly llm: DemoLlm;
  readonly url: string;
  /** code-server's output when `quiet`. */
  readonly logFile?: string;
  /** The editor with the example backend open. */
  readonly folderUrl: string;
  stop(): Promise<void>;
}

/**
 * `npm run demo`, as a function (its UI test calls it too): copies the example backend into a temp
 * folder, picks the server, builds and packs the extension, installs it into a fresh code-server
 * profile that trusts the copy, and starts the editor on it. Nothing is written into the repository
 * but dist/.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'routecraft-demo-'));
  let llm: DemoLlm | undefined;
  const cleanup = async (): Promise<void> => {
    if (llm?.kind === 'scripted') {
      await llm.server.close();
    }
    if (!options.keep) {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    }
  };
  try {
    const workspace = prepareDemoWorkspace(dir);
    llm = await chooseDemoLlm(options.llm ?? 'auto');
    if (options.build ?? true) {
      buildExtension();
    }
    const vsix = await packageExtension(join(dir, 'routecraft.vsix'));
    const profile = createProfile(join(dir, 'profile'), demoUserSettings(llm), vsix);
    const logFile = options.quiet ? join(dir, 'code-server.log') : undefined;
    const editor = await startEditor(profile, workspace.root, options.port, logFile);
    const chosen = llm;
    return {
      dir,
      workspace,
      llm: chosen,
      url: editor.url,
      ...(logFile ? { logFile } : {}),
      folderUrl: `${editor.url}/?folder=${encodeURIComponent(workspace.root)}`,
      stop: async () => {
        await editor.stop();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
