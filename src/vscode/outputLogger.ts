import * as vscode from 'vscode';
import type { Logger } from '../core/util/logger';

/** The "Routecraft" output channel as the core's Logger. Lines never hold secrets (core's rule). */
export class OutputLogger implements Logger, vscode.Disposable {
  readonly channel: vscode.LogOutputChannel = vscode.window.createOutputChannel('Routecraft', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string): void {
    this.channel.error(message);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
