import type { EndpointSpec } from '../endpointSpec';

/** Where a structured spec came from. */
export type SpecSource = 'routecraft' | 'openapi' | 'typescript' | 'zod';

/**
 * What {@link parseSpecText} made of some text: a validated spec, a recognised but unusable input
 * (every issue listed, with its path), or plain words that need the LLM.
 */
export type SpecInputResult =
  | { readonly kind: 'spec'; readonly spec: EndpointSpec; readonly source: SpecSource; readonly warnings: string[] }
  | { readonly kind: 'invalid'; readonly source: SpecSource | 'unknown'; readonly issues: string[] }
  | { readonly kind: 'not-structured' };

/** Options shared by every structured input. */
export interface SpecInputOptions {
  /** Keep only these operationIds (OpenAPI inputs; the CLI's `--operation`). */
  readonly operations?: readonly string[];
}

/**
 * Thrown inside the converters when an input is recognised but cannot become a spec; the entry
 * points turn it into `{ kind: 'invalid' }`. Never leaves this folder.
 */
export class SpecConversionError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('\n'));
  }
}
