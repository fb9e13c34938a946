// The entry point of dist/tokenizer.js, the tokenizer bundled on its own so the adapter and the CLI
// load its 2.4 MB table only when a server reports no usage (see esbuild.mjs, tokenEstimate.ts).
export { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
