export { explainCode, type ExplainOptions, type Explanation } from './explain';
export { buildExplainContext, lineOf, type CodeSnippet, type ExplainContext, type ExplainInput } from './explainContext';
export { buildExplainMessages } from './explainPrompt';
