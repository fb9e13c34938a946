import type { SourceFile } from 'ts-morph';

/**
 * Nest's own style: a blank line between decorated properties (ts-morph prints none).
 */
export function tidyNestFile(file: SourceFile): void {
  for (const cls of file.getClasses()) {
    const props = cls.getProperties();
    for (const prop of props.slice(1)) {
      const previous = prop.getPreviousSibling();
      if (prop.getDecorators().length > 0 && previous && !/\n\s*\n\s*$/.test(file.getFullText().slice(previous.getEnd(), prop.getStart(true)))) {
        prop.prependWhitespace('\n');
      }
    }
  }
}

/** After formatting: `class X {\n}` and `constructor(...) { }` → `{}`, as Nest writes them. */
export function collapseEmptyBlocks(text: string): string {
  return text.replace(/^(export class \w+(?: [^{\n]*)?) \{\n\}$/gm, '$1 {}').replace(/^([ \t]*constructor\(.*\)) \{(?: |\n[ \t]*)\}$/gm, '$1 {}');
}
