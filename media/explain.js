// Webview side of the Explain panel. The extension sends the whole state (already-rendered,
// sanitised HTML) each time, so a message that arrives late only repaints.
(function () {
  const vscode = acquireVsCodeApi();
  const content = document.getElementById('content');
  const status = document.getElementById('status');
  const error = document.getElementById('error');
  const footer = document.getElementById('footer');
  window.addEventListener('message', (event) => {
    const state = event.data;
    if (state.type !== 'state') {
      return;
    }
    content.innerHTML = state.html;
    status.textContent = state.status;
    status.className = state.statusIsError ? 'error' : '';
    error.textContent = state.error || '';
    error.style.display = state.error ? 'block' : 'none';
    footer.textContent = state.footer;
  });
  // Links in answers have no href: the extension validates the target and opens it through VS Code's
  // opener (which asks first), so the webview itself never navigates or loads anything.
  const open = (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-href]') : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    vscode.postMessage({ type: 'open', href: link.getAttribute('data-href') });
  };
  content.addEventListener('click', open);
  content.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      open(event);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
