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
  vscode.postMessage({ type: 'ready' });
})();
