export { loadSpecFile, type LoadedSpec } from './loadSpecFile';
export { parseSpecText, specFromData } from './parseSpecText';
export { specJsonSchema } from './specJsonSchema';
export type { SpecInputOptions, SpecInputResult, SpecSource } from './specInputResult';
