import type { ProjectFacts } from './projectFacts';

function describeIndent(indent: string): string {
  return indent === '\t' ? 'tabs' : `${indent.length} spaces`;
}

/** A few human lines about the facts, for logs and the CLI. */
export function formatFacts(facts: ProjectFacts): string {
  const { layout, style } = facts;
  const framework = facts.framework ? `${facts.framework.name} ${facts.framework.major}` : 'unknown framework';
  const runner = facts.testRunner
    ? `${facts.testRunner.name}${facts.testRunner.assertion ? ` (${facts.testRunner.assertion})` : ''}`
    : 'unknown test runner';
  const lines = [
    `Project ${facts.root}: ${framework}, ${facts.moduleKind.toUpperCase()}${facts.importExtension ? ', relative imports end in .js' : ''}, ${facts.packageManager}${facts.typescriptVersion ? `, TypeScript ${facts.typescriptVersion}` : ''}`,
    `Tests: ${runner}${facts.httpTester ? ` + ${facts.httpTester}` : ''}, ${layout.testsColocated ? `next to sources (*${layout.testSuffix})` : `in ${layout.testsDir}/ (*${layout.testSuffix})`}`,
    `Validation: ${facts.validation}${facts.zod ? ` (zod ${facts.zod.major})` : ', zod not installed'}`,
    `Files: sources in ${layout.sourceDir}/, routes in ${layout.routesDir}/, app in ${layout.appFile ?? '(unknown)'}`,
    `Style: ${style.quote} quotes, ${style.semicolons ? 'semicolons' : 'no semicolons'}, ${describeIndent(style.indent)}, ${style.trailingComma ? 'trailing commas' : 'no trailing commas'}${facts.pathAliases.length > 0 ? `; aliases ${facts.pathAliases.map((a) => `${a.prefix} → ${a.target}`).join(', ')}` : ''}`,
  ];
  for (const unknown of facts.unknowns) {
    lines.push(`Undecided ${unknown.fact}: ${unknown.reason} (candidates: ${unknown.candidates.join(', ') || 'none'})`);
  }
  return lines.join('\n');
}
