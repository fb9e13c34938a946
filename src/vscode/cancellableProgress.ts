import * as vscode from 'vscode';
import { describeError } from '../core/errors';
import { abortSignalFrom } from './cancellation';

/** What a command reports while it works: a message, and how far along it is. */
export type ProgressReporter = vscode.Progress<{ message?: string; increment?: number }>;

/**
 * Runs `work` under a cancellable notification titled `title`: the notification's Cancel reaches
 * `work` as an AbortSignal (listened to until `work` settles), and an error `work` throws ends in
 * `onError` with a message the user can read, before the notification closes. Every command that
 * asks the LLM or generates code (Explain, Explain Changes, Explain Error, Generate Endpoint,
 * Generate Tests, Generate Query) runs its request through here.
 */
export function withCancellableProgress<R, E = R>(title: string, work: (progress: ProgressReporter, signal: AbortSignal) => Promise<R>, onError: (message: string) => E): Thenable<R | E> {
  return vscode.window.withProgress<R | E>({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = abortSignalFrom(token);
    try {
      return await work(progress, abort.signal);
    } catch (error) {
      return onError(describeError(error));
    } finally {
      abort.dispose();
    }
  });
}
