import { STATUS_CODES } from 'node:http';
import { RoutecraftError } from '../errors';
import { redactSecrets, redactUrl, truncate } from './redact';

/** What a failure message needs to know about the call. Holds the key only to scrub it. */
export interface FailureContext {
  readonly baseUrl: string;
  readonly model: string;
  readonly timeoutMs: number;
  readonly apiKey?: string;
  /** HTTP attempts made (first try plus retries). */
  readonly attempts: number;
}

const SETTING_BASE_URL = 'routecraft.llm.baseUrl';
const SETTING_MODEL = 'routecraft.llm.model';
const SETTING_TIMEOUT = 'routecraft.llm.timeoutSeconds';
const SETTING_RETRIES = 'routecraft.llm.maxRetries';
const SET_KEY = "Run 'Routecraft: Set API Key' (or set OPENAI_API_KEY for the CLI)";

/** `0.3`, `2`, `120`: seconds for people. */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1).replace(/\.0$/, '');
}

function where(ctx: FailureContext): string {
  return `The LLM server at ${redactUrl(ctx.baseUrl)}`;
}

function times(ctx: FailureContext): string {
  return ctx.attempts > 1 ? ` (${ctx.attempts} attempts)` : '';
}

/** Server-provided text, scrubbed of the key and anything key-shaped, kept short. */
export function scrub(ctx: FailureContext, text: string, max = 300): string {
  return truncate(redactSecrets(text, [ctx.apiKey]).replace(/\s+/g, ' ').trim(), max);
}

function make(ctx: FailureContext, code: ConstructorParameters<typeof RoutecraftError>[0], message: string, detail?: string, status?: number): RoutecraftError {
  const clean = (text: string): string => redactSecrets(text, [ctx.apiKey]);
  return new RoutecraftError(code, clean(message), detail === undefined ? undefined : clean(detail), status);
}

const CONNECTION_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'the server closed the connection',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
};

/** The server could not be reached at all. */
export function connectionError(ctx: FailureContext, code: string | undefined, detail: string): RoutecraftError {
  if (code !== undefined && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/i.test(code)) {
    return make(ctx, 'llm-connection',
      `Cannot reach ${redactUrl(ctx.baseUrl)} securely (TLS certificate problem: ${code})${times(ctx)}. ` +
      `Check the setting ${SETTING_BASE_URL} (http vs https), or trust the server's certificate (NODE_EXTRA_CA_CERTS).`, detail);
  }
  const reason = (code === undefined ? undefined : CONNECTION_REASONS[code]) ?? code ?? 'connection failed';
  const hint = code === 'ENOTFOUND' || code === 'EAI_AGAIN'
    ? `Check the host name in the setting ${SETTING_BASE_URL} and your network or proxy.`
    : `Is the server running? Check the setting ${SETTING_BASE_URL}.`;
  return make(ctx, 'llm-connection', `Cannot reach the LLM server at ${redactUrl(ctx.baseUrl)} (${reason})${times(ctx)}. ${hint}`, detail);
}

/** No response headers within the timeout, or no stream chunk for that long. */
export function timeoutError(ctx: FailureContext, phase: 'answer' | 'stream'): RoutecraftError {
  const what = phase === 'answer'
    ? `did not answer within ${formatSeconds(ctx.timeoutMs)} s${times(ctx)}`
    : `stopped sending for ${formatSeconds(ctx.timeoutMs)} s in the middle of its answer`;
  return make(ctx, 'llm-timeout',
    `${where(ctx)} ${what}. A large or cold model may need longer: raise the setting ${SETTING_TIMEOUT}, ` +
    `or choose a smaller model in ${SETTING_MODEL}.`);
}

/** The stream ended or broke before the answer was complete; partial text is not an answer. */
export function interruptedError(ctx: FailureContext, receivedChars: number, detail: string): RoutecraftError {
  return make(ctx, 'llm-stream-interrupted',
    `${where(ctx)} broke off its answer after ${receivedChars} characters, before it was complete. ` +
    `Try again; if it keeps happening, check the server's log (out of memory, a proxy timeout, a crash).`, detail);
}

/** A 200 whose body is not a chat completion. */
export function badAnswerError(ctx: FailureContext, what: string, excerpt: string): RoutecraftError {
  return make(ctx, 'llm-bad-answer',
    `${where(ctx)} answered with ${what}, not an OpenAI-compatible chat completion. ` +
    `Check that the setting ${SETTING_BASE_URL} points at the API (for most servers it ends in /v1).`,
    `Body starts: ${scrub(ctx, excerpt, 200)}`);
}

/** An error the server reported inside a stream (`data: {"error": …}`). */
export function streamReportedError(ctx: FailureContext, serverMessage: string): RoutecraftError {
  return make(ctx, 'llm-http',
    `${where(ctx)} reported an error while answering: ${scrub(ctx, serverMessage, 200)}. ` +
    `Check the model in ${SETTING_MODEL} and the server's log.`);
}

/** A non-2xx HTTP status, after the `openai` client's own retries. */
export function httpStatusError(ctx: FailureContext, status: number, serverMessage: string | undefined): RoutecraftError {
  const label = `${status} ${STATUS_CODES[status] ?? 'error'}`;
  const said = serverMessage === undefined || serverMessage.trim() === '' ? '' : ` Server said: "${scrub(ctx, serverMessage, 200)}".`;
  const detail = serverMessage === undefined ? undefined : scrub(ctx, serverMessage, 1000);
  if (status === 401) {
    return make(ctx, 'llm-auth', `${where(ctx)} answered ${label}: the API key was rejected or is missing. ${SET_KEY}.`, detail, status);
  }
  if (status === 403) {
    return make(ctx, 'llm-auth', `${where(ctx)} answered ${label}: the API key may not use model '${ctx.model}'. Check the key's permissions, or ${SET_KEY}.`, detail, status);
  }
  if (status === 404) {
    const aboutModel = serverMessage !== undefined && /model/i.test(serverMessage);
    const message = aboutModel
      ? `${where(ctx)} answered ${label}: model '${ctx.model}' was not found.${said} Check the setting ${SETTING_MODEL} (for Ollama: 'ollama pull ${ctx.model}').`
      : `${where(ctx)} answered ${label} for /chat/completions.${said} Check the setting ${SETTING_MODEL} ('${ctx.model}') and that ${SETTING_BASE_URL} points at the API (for most servers it ends in /v1).`;
    return make(ctx, 'llm-http', message, detail, status);
  }
  if (status === 429) {
    return make(ctx, 'llm-http',
      `${where(ctx)} answered ${label}${times(ctx)}: it is rate-limiting requests or out of quota.${said} ` +
      `Wait and try again, raise the setting ${SETTING_RETRIES}, or check your plan's limits.`, detail, status);
  }
  if (status === 400 || status === 413 || status === 422) {
    return make(ctx, 'llm-http',
      `${where(ctx)} rejected the request (${label}).${said} The prompt may be too long for the model's context window, ` +
      `or the server may not support a request option; check the setting ${SETTING_MODEL} ('${ctx.model}').`, detail, status);
  }
  if (status >= 500) {
    return make(ctx, 'llm-http',
      `${where(ctx)} failed with ${label}${times(ctx)}.${said} The server or model crashed or is overloaded; ` +
      `check its log and try again (retries: ${SETTING_RETRIES}).`, detail, status);
  }
  return make(ctx, 'llm-http', `${where(ctx)} answered ${label}.${said} Check the settings ${SETTING_BASE_URL} and ${SETTING_MODEL}.`, detail, status);
}
