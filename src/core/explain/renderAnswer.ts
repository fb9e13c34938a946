import MarkdownIt from 'markdown-it';

/** Link targets the Explain panel offers (through VS Code's opener, never by the webview itself). */
const OPENABLE = /^(https?:|mailto:)/i;

/**
 * A link to the n-th workspace location the panel was given with the answer (Explain Error's
 * evidence and frames). The panel opens the file at its line itself, so it works in desktop VS Code,
 * code-server and remote windows alike; a number the panel was not given opens nothing.
 */
const LOCATION = /^routecraft-location:(\d{1,6})$/;

/** The target of a link to the `index`-th location handed to the panel with the answer. */
export function locationHref(index: number): string {
  return `routecraft-location:${index}`;
}

/** The location index a link points at, or undefined when it is not a location link. */
export function locationIndexOf(href: string): number | undefined {
  const match = LOCATION.exec(href.trim());
  return match ? Number(match[1]) : undefined;
}

/**
 * A Markdown renderer for model answers, which are untrusted (text hidden in the explained code can
 * steer them): raw HTML is escaped, images become text (no remote load, so no exfiltration through
 * a query string), and links carry no `href` at all — the target sits in `data-href` and the panel
 * asks the extension to open it through VS Code's opener, or at a location it was given
 * ({@link locationHref}). `javascript:`, `data:`, `file:`, `command:` and relative targets are not links.
 */
export function createAnswerRenderer(): (markdown: string) => string {
  const md = new MarkdownIt({ html: false, linkify: false, breaks: false });
  md.validateLink = (url: string): boolean => OPENABLE.test(url.trim()) || LOCATION.test(url.trim());
  const escape = md.utils.escapeHtml;
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx];
    const alt = token ? escape(token.content) : '';
    const src = escape(token?.attrGet('src') ?? '');
    return `<span class="image-as-text" title="Images in answers are not loaded">[image: ${alt || 'untitled'}${src ? ` — ${src}` : ''}]</span>`;
  };
  md.renderer.rules.link_open = (tokens, idx) => {
    const href = tokens[idx]?.attrGet('href') ?? '';
    return `<a class="answer-link" role="link" tabindex="0" data-href="${escape(href)}" title="${escape(href)}">`;
  };
  return (markdown: string) => md.render(markdown);
}

/** True when `href` is a target the panel may hand to VS Code's opener. */
export function isOpenableLink(href: string): boolean {
  if (!OPENABLE.test(href.trim())) {
    return false;
  }
  try {
    new URL(href.trim());
    return true;
  } catch {
    return false;
  }
}

/**
 * The Explain panel's Content-Security-Policy: nothing remote of any kind (no `https:`, no `http:`,
 * no `data:`), scripts only with the nonce, styles and images only from the extension's own media.
 */
export function explainPanelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
  ].join('; ') + ';';
}
