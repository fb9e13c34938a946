import * as vscode from 'vscode';
import { settleLlmResult, type LlmResultHandlers } from '../core/llm/settleResult';
import type { LlmResult } from '../core/llm/types';

/**
 * The editor's switch over an LLM result (Explain, Explain Changes, Explain Error): `ok` shows the
 * answer, `cancelled` says so, an invalid answer or a failed call ends in `failed` with a message
 * the user can read.
 */
export function settleInEditor<T, O>(result: LlmResult<T>, on: Omit<LlmResultHandlers<T, O>, 'invalidMessage'>): O {
  return settleLlmResult(result, { ...on, invalidMessage: (issues) => vscode.l10n.t("The model's answer could not be used: {0}", issues.join('; ')) });
}
