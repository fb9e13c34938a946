import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FileAuditLog } from '../core/audit/fileAuditLog';
import { createResponseCache } from '../core/cache/createResponseCache';
import type { ResponseCache } from '../core/cache/types';
import { createLlm } from '../core/gateway/createLlm';
import type { LlmClient, LlmSettings } from '../core/llm/types';
import type { Logger } from '../core/util/logger';
import { UsageTracker } from '../core/usage/usageTracker';
import type { CliIo } from './io';

/** Flags every LLM-calling CLI command takes besides the LLM settings. */
export interface LlmPathFlags {
  readonly 'no-cache'?: boolean;
  readonly 'cache-dir'?: string;
  readonly 'redis-url'?: string;
  readonly 'audit-log'?: string;
}

export const llmPathHelp = `  --no-cache          ask the server even if the answer is cached (the fresh answer is stored)
  --cache-dir DIR     on-disk response cache (env ROUTECRAFT_CACHE_DIR; default $XDG_CACHE_HOME/routecraft
                      or ~/.cache/routecraft)
  --redis-url URL     share the cache through Redis (env ROUTECRAFT_REDIS_URL); falls back to disk
  --audit-log FILE    append one JSON line per LLM call (env ROUTECRAFT_AUDIT_LOG)
  --structured-output auto|on|off  send structured answers' JSON Schema as response_format (env
                      ROUTECRAFT_STRUCTURED_OUTPUT; default auto: falls back to prompt-only JSON when
                      the server refuses it, remembered for the run)`;

/** The CLI's LLM path: the gateway with cache, audit and a usage tracker for this run. */
export interface CliLlm {
  readonly client: LlmClient;
  readonly usage: UsageTracker;
  readonly cacheMode: 'use' | 'bypass';
  close(): Promise<void>;
}

export function cliLlm(settings: LlmSettings, flags: LlmPathFlags, io: CliIo, logger: Logger): CliLlm {
  const cacheDir = flags['cache-dir'] ?? nonEmpty(io.env.ROUTECRAFT_CACHE_DIR) ?? defaultCacheDir(io.env);
  let warned = false;
  const cache: ResponseCache | undefined = cacheDir === undefined
    ? undefined
    : createResponseCache({
        dir: resolve(io.cwd, cacheDir),
        redisUrl: flags['redis-url'] ?? nonEmpty(io.env.ROUTECRAFT_REDIS_URL),
        logger,
        onNotice: (message) => {
          if (!warned) {
            warned = true;
            io.stderr.write(`routecraft: ${message}\n`);
          }
        },
      });
  const auditPath = flags['audit-log'] ?? nonEmpty(io.env.ROUTECRAFT_AUDIT_LOG);
  const audit = auditPath === undefined ? undefined : new FileAuditLog({ path: resolve(io.cwd, auditPath), logger });
  const usage = new UsageTracker({ logger });
  return {
    client: createLlm({ llm: settings, cache, audit, usage }, logger),
    usage,
    cacheMode: flags['no-cache'] ? 'bypass' : 'use',
    close: async () => {
      await cache?.close();
    },
  };
}

function defaultCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const xdg = nonEmpty(env.XDG_CACHE_HOME);
  if (xdg) {
    return join(xdg, 'routecraft');
  }
  const home = nonEmpty(env.HOME) ?? nonEmpty(env.USERPROFILE);
  return home ? join(home, '.cache', 'routecraft') : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

/** The project a file belongs to: the nearest folder up with .routecraftignore, .git or package.json. */
export function projectRootOf(file: string, fallback: string): string {
  let dir = dirname(file);
  for (;;) {
    if (['.routecraftignore', '.git', 'package.json'].some((m) => existsSync(join(dir, m)))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return fallback;
    }
    dir = parent;
  }
}
