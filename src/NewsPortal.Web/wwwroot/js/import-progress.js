// /admin/import, enhanced. While an import runs, its progress bar and counts follow the run's row (polled from
// /admin/import/status) instead of the page reloading itself; when the run ends the page is loaded again, so the
// summary is the server's own. A file over the site's limit is named before it is sent. Without JavaScript the page
// refreshes itself (a <noscript> meta refresh) and the server refuses a file too large with the same message.
// Everything here runs under the site's CSP: no inline script or style.
(() => {
  const form = document.querySelector('form.import-upload');
  if (form) {
    const max = Number(form.dataset.maxBytes);
    form.addEventListener('submit', (event) => {
      const tooLarge = [...form.querySelectorAll('input[type="file"]')].find((input) => input.files.length && input.files[0].size > max);
      const old = form.querySelector('.import-too-large');
      if (old) old.remove();
      if (!tooLarge) return;
      event.preventDefault();
      const message = document.createElement('p');
      message.className = 'field-error import-too-large';
      message.setAttribute('role', 'alert');
      message.textContent = `${tooLarge.files[0].name} is larger than the ${form.dataset.maxMegabytes} MB this site accepts (Import:MaxUploadMegabytes).`;
      tooLarge.parentElement.append(message);
    });
  }

  const run = document.getElementById('import-current');
  if (!run || (run.dataset.status !== 'running' && run.dataset.status !== 'stalled')) return;
  const bar = run.querySelector('[data-import-bar]');
  const text = run.querySelector('[data-import-progress]');
  const state = run.querySelector('[data-import-state]');
  const url = run.dataset.statusUrl;

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      const current = await response.json();
      if (!current || String(current.id) !== run.dataset.runId || !current.running) {
        window.location.reload();
        return;
      }

      if (current.percent === null) bar.removeAttribute('value');
      else bar.value = current.percent;
      bar.textContent = current.percent === null ? 'Working' : `${current.percent}%`;
      if (text.textContent !== current.progressText) text.textContent = current.progressText;
      if (state.textContent !== current.statusText) state.textContent = current.statusText;
    } catch {
      // A missed look (a deploy, a blip) only delays the bar; the next one tries again.
    }

    window.setTimeout(poll, 1500);
  };

  window.setTimeout(poll, 1000);
})();
