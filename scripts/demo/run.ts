// `npm run demo`: the main job in a real VS Code (code-server). See startDemo.ts; flags:
//   --scripted-llm     always use the demo's own server with canned answers (labelled DEMO-scripted-answers)
//   --configured-llm   never: OPENAI_BASE_URL / ROUTECRAFT_MODEL, or Routecraft's default (a local Ollama)
//   --keep             keep the temp folder (workspace copy, profile) after Ctrl-C
// ROUTECRAFT_DEMO_PORT picks the port (default 8080).
import { startDemo } from './startDemo';
import type { DemoLlmMode } from './demoLlm';

async function main(): Promise<void> {
  const argv = new Set(process.argv.slice(2));
  const mode: DemoLlmMode = argv.has('--scripted-llm') ? 'scripted' : argv.has('--configured-llm') ? 'configured' : 'auto';
  const keep = argv.has('--keep');
  const demo = await startDemo({ port: Number(process.env['ROUTECRAFT_DEMO_PORT'] || 8080), llm: mode, keep });
  const server = demo.llm.kind === 'scripted'
    ? `the DEMO server with canned answers at ${demo.llm.baseUrl} (model "${demo.llm.model}"), because ${demo.llm.why}. Its answers are not a model's.`
    : `${demo.llm.baseUrl ?? 'http://localhost:11434/v1 (default)'}, model ${demo.llm.model ?? 'qwen2.5-coder:7b (default)'} (${demo.llm.why}).`;
  console.log([
    '',
    `[demo] Open ${demo.folderUrl}`,
    `[demo] The example backend is a copy in ${demo.workspace.root} (DEMO.md there lists what to try).`,
    '[demo] Start here, no LLM needed: open openapi.yaml, select nothing, F1 → "Routecraft: Generate Endpoint",',
    '[demo]   review every file in the multi-file review, then Apply in the editor title.',
    `[demo] Explain and Generate Endpoint from words use ${server}`,
    `[demo] Ctrl-C stops the editor${keep ? '' : ' and deletes the copy'}.`,
    '',
  ].join('\n'));
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!stopping) {
        stopping = true;
        void demo.stop().then(() => process.exit(0));
      }
    });
  }
}

main().catch((error: unknown) => {
  console.error(`[demo] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
