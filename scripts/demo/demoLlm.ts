import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FakeLlmServer, type RecordedRequest, type ScriptedReply } from '../../test/support/fakeLlmServer';
import { repoRoot } from './demoWorkspace';

/**
 * The model name of the demo's own server. It is what the status bar shows ("model · host"), so
 * nobody takes a canned answer for a model's.
 */
export const DEMO_MODEL = 'DEMO-scripted-answers';

/** Which server the demo's editor talks to. */
export type DemoLlm =
  | { readonly kind: 'configured'; readonly baseUrl?: string; readonly model?: string; readonly why: string }
  | { readonly kind: 'scripted'; readonly baseUrl: string; readonly model: typeof DEMO_MODEL; readonly server: FakeLlmServer; readonly why: string };

/** `auto`: OPENAI_BASE_URL, else a local Ollama that answers, else the scripted demo server. */
export type DemoLlmMode = 'auto' | 'scripted' | 'configured';

const OLLAMA = 'http://localhost:11434/v1';

/**
 * Picks the demo's server. `configured` uses OPENAI_BASE_URL / ROUTECRAFT_MODEL (or Routecraft's
 * defaults: a local Ollama); `scripted` starts the repository's fake OpenAI-compatible server with
 * canned answers, named {@link DEMO_MODEL}.
 */
export async function chooseDemoLlm(mode: DemoLlmMode, env: NodeJS.ProcessEnv = process.env): Promise<DemoLlm> {
  const baseUrl = env['OPENAI_BASE_URL']?.trim() || undefined;
  const model = env['ROUTECRAFT_MODEL']?.trim() || undefined;
  const configured = (why: string): DemoLlm => ({ kind: 'configured', ...(baseUrl ? { baseUrl } : {}), ...(model ? { model } : {}), why });
  if (mode === 'configured') {
    return configured('asked for (--configured-llm)');
  }
  if (mode === 'auto' && baseUrl) {
    return configured('OPENAI_BASE_URL is set');
  }
  if (mode === 'auto' && await answers(`${OLLAMA}/models`)) {
    return configured(`a local Ollama answers at ${OLLAMA}`);
  }
  const server = await startScriptedServer();
  return { kind: 'scripted', baseUrl: server.baseUrl, model: DEMO_MODEL, server, why: mode === 'scripted' ? 'asked for (--scripted-llm)' : `no OPENAI_BASE_URL and no Ollama at ${OLLAMA}` };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1500) })).ok;
  } catch {
    return false;
  }
}

/** The fake server with canned answers: an endpoint spec when asked for one, else an explanation. */
export async function startScriptedServer(): Promise<FakeLlmServer> {
  const spec: unknown = parse(readFileSync(join(repoRoot, 'docs', 'spec-examples', 'products-crud.yaml'), 'utf8'));
  return FakeLlmServer.start({ models: [DEMO_MODEL], responder: (req) => scriptedReply(req, spec) });
}

function scriptedReply(req: RecordedRequest, spec: unknown): ScriptedReply {
  const body = JSON.stringify(req.body);
  if (body.includes('Routecraft endpoint spec')) {
    return { kind: 'text', text: `This is the demo server's canned spec (products CRUD), not a model's answer.\n\n\`\`\`json\n${JSON.stringify(spec, undefined, 2)}\n\`\`\`\n`, chunkSize: 64 };
  }
  return {
    kind: 'text',
    chunkSize: 24,
    chunkDelayMs: 10,
    text: [
      '> **Demo server: this is a canned answer, not a model\'s.** Point Routecraft at a real server',
      '> (click the server in the status bar, or set `routecraft.llm.baseUrl`) for real explanations.',
      '',
      '## What a real answer looks like',
      '',
      'A model explains the selected code in a few paragraphs: what it does, its inputs and outputs,',
      'the edge cases it handles (and the ones it does not), and how it fits the code around it.',
      'Routecraft sends the selection with its surrounding declarations, after replacing secrets and',
      'personal data with placeholders; the audit log (**Routecraft: Open Audit Log**) shows every call.',
      '',
    ].join('\n'),
  };
}
