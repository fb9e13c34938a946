import type { ChatMessage } from '../../llm/types';
import { TEST_PLAN_CODE_RULES } from '../answer/testPlanAnswer';
import type { ContextPart, TestContext } from './testContext';

const RUNNER_LABEL: Record<TestContext['runner']['name'], string> = {
  vitest: 'vitest',
  jest: 'jest',
  mocha: 'mocha',
  'node:test': "Node's built-in test runner (node:test)",
};

/** The system rules and the user message asking for tests of `context.target`. */
export function formatTestContextPrompt(context: TestContext): ChatMessage[] {
  return [
    { role: 'system', content: systemRules(context) },
    { role: 'user', content: userMessage(context) },
  ];
}

function systemRules(context: TestContext): string {
  const runner = RUNNER_LABEL[context.runner.name];
  const rules = [
    `You write unit tests for a TypeScript project whose test runner is ${runner}. Write tests for THIS runner only:`,
    ...context.runner.notes.map((n) => `- ${n}`),
    '- No network, no real time or randomness: tests are deterministic (mock or fake what is not).',
    '- No snapshot tests. Each case checks one behaviour, with concrete expected values derived from the code.',
    '- Use only the code shown and public APIs; do not invent functions, fields or modules.',
    `- The project is ${context.moduleKind === 'esm' ? 'ESM' : 'CommonJS'}; relative imports ${context.importExtension === '.js' ? "end in '.js'" : 'have no extension'}.`,
    ...aliasRule(context),
    'Answer format:',
    ...TEST_PLAN_CODE_RULES.map((r) => `- ${r}`),
  ];
  return rules.join('\n');
}

function aliasRule(context: TestContext): string[] {
  const alias = context.conventions?.targetImport.alias;
  return alias === undefined ? [] : [`- Like the project's tests, import project modules through the '${alias.prefix}' path alias (${alias.prefix}x for ${alias.target}x), not by relative path.`];
}

function fence(part: ContextPart): string {
  const where = `${part.file}:${String(part.startLine)}-${String(part.endLine)}`;
  return `${part.label} (${where}${part.truncated ? ', cut' : ''}):\n\`\`\`ts\n${part.text}\n\`\`\``;
}

function userMessage(context: TestContext): string {
  const { target } = context;
  const sections: string[] = [
    `Write tests for ${target.kind.replace('-', ' ')} \`${target.name}\` in ${target.code.file}.`,
    `Signature (types resolved):\n\`\`\`ts\n${target.signature}\n\`\`\``,
    fence(target.code),
  ];
  if (target.route !== undefined) {
    sections.push(`It handles ${target.route.method} ${target.route.path} on \`${target.route.owner}\`: test it through HTTP${context.httpTester === undefined ? '' : ` with ${context.httpTester}`}.`);
  }
  const testsAt = context.testFile.exists ? `The tests are added to the existing file ${context.testFile.path}.` : `The tests go into a new file ${context.testFile.path}.`;
  const importing = target.exported
    ? `Import it from '${context.importPath}'.`
    : `It is not exported: test it through what the module exports${target.route === undefined ? '' : ' (the app or router)'}.`;
  sections.push(`${testsAt} ${importing}`);
  if (context.importHints.length > 0) {
    sections.push(`Imports a test starts from (put the ones you use, except the target's own, in the \`ts imports\` block):\n\`\`\`ts\n${context.importHints.join('\n')}\n\`\`\``);
  }
  if (context.types.length > 0) {
    sections.push(`Types it uses:\n\n${context.types.map(fence).join('\n\n')}`);
  }
  if (context.callees.length > 0) {
    sections.push(`Project code it calls:\n\n${context.callees.map(fence).join('\n\n')}`);
  }
  if (context.examples.length > 0) {
    sections.push(`Existing tests of the project (follow their style: assertions, mocks, naming):\n\n${context.examples.map(fence).join('\n\n')}`);
  }
  if (context.omitted.length > 0) {
    sections.push(`Left out to keep this short:\n${context.omitted.map((o) => `- ${o}`).join('\n')}`);
  }
  return sections.join('\n\n');
}
