/** Why a call's own abort signal fired. */
export type AbortReason = 'cancelled' | 'idle-timeout';

/**
 * Owns the AbortController handed to the `openai` client for one call. It fires when the
 * caller's signal aborts (`cancelled`) or, once armed, when no stream chunk arrived for
 * `idleMs` (`idle-timeout`): `openai`'s own timeout stops at the response headers.
 */
export class CallGuard {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private armed = false;
  private why: AbortReason | undefined;
  private readonly onCallerAbort = (): void => this.abort('cancelled');

  constructor(
    private readonly callerSignal: AbortSignal | undefined,
    private readonly idleMs: number,
  ) {
    if (callerSignal?.aborted === true) {
      this.abort('cancelled');
    } else {
      callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
    }
  }

  /** The signal to pass to the `openai` request. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Set once the signal fired; the caller's abort wins over an idle timeout. */
  reason(): AbortReason | undefined {
    return this.callerSignal?.aborted === true ? 'cancelled' : this.why;
  }

  /** Starts (or restarts) the idle timer: call when the stream opens and on every chunk. */
  touch(): void {
    this.armed = true;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
    }
    if (this.why === undefined) {
      this.timer = setTimeout(() => this.abort('idle-timeout'), this.idleMs);
    }
  }

  /** True once `touch` was called: the response headers had arrived. */
  get streaming(): boolean {
    return this.armed;
  }

  /** Stops the timer and unhooks from the caller's signal. */
  dispose(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
    }
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  private abort(reason: AbortReason): void {
    if (this.why === undefined) {
      this.why = reason;
      this.controller.abort();
    }
  }
}
