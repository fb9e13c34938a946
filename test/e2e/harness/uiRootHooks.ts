// Root hooks of the UI mocha run (`--require test/e2e/harness/uiRootHooks.ts` in scripts/run-e2e.mjs):
// stops the code-server and chromium that the UI files share (sharedUiHost.ts) after the last file.
import { stopSharedUiHost } from './sharedUiHost';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await stopSharedUiHost();
  },
};
