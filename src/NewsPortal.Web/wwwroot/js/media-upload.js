// The media library's upload form, enhanced: images chosen with the button or dropped on the form are sent one file
// per request (the plain form's own POST), each with a <progress> bar fed by XHR upload progress and a line saying
// how it went (the server's own refusal message when it refused one). Without JavaScript the form posts all files at
// once, as before. Everything here runs under the site's CSP: no inline script or style.
(() => {
  const form = document.querySelector('form.media-upload');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  const input = form.querySelector('input[type="file"]');
  const token = form.querySelector('input[name="__RequestVerificationToken"]');
  if (!input || !token) return;

  const list = document.createElement('ul');
  list.className = 'upload-list';
  list.setAttribute('aria-label', 'Uploads');
  const summary = document.createElement('p');
  summary.className = 'upload-summary';
  summary.setAttribute('role', 'status');
  form.after(summary);
  summary.after(list);

  const hint = document.createElement('p');
  hint.className = 'field-hint upload-drop-hint';
  hint.textContent = 'Or drop images anywhere on this box.';
  input.parentElement.append(hint);
  form.classList.add('upload-drop');

  const refusalOf = (html) => {
    const page = new DOMParser().parseFromString(html, 'text/html');
    const items = [...page.querySelectorAll('.media-refusals li')].map((li) => li.textContent.trim());
    return items.length ? items.join(' ') : null;
  };

  const send = (file) => new Promise((resolve) => {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'upload-name';
    name.textContent = file.name;
    const progress = document.createElement('progress');
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute('aria-label', `Uploading ${file.name}`);
    const result = document.createElement('span');
    result.className = 'upload-result';
    item.append(name, progress, result);
    list.append(item);

    const data = new FormData();
    data.append(token.name, token.value);
    data.append(input.name, file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
    });
    const finish = (ok, text) => {
      progress.value = ok ? 100 : progress.value;
      item.dataset.result = ok ? 'uploaded' : 'refused';
      result.textContent = text;
      if (!ok) result.classList.add('field-error');
      resolve({ ok, html: ok ? xhr.responseText : null });
    };
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) finish(true, 'Uploaded; its sizes are being made.');
      else if (xhr.status === 413) finish(false, 'Refused: larger than the upload limit.');
      else finish(false, refusalOf(xhr.responseText) || `Refused (${xhr.status}).`);
    });
    xhr.addEventListener('error', () => finish(false, 'Not sent: the connection failed. Try again.'));
    xhr.send(data);
  });

  const upload = async (files) => {
    const images = [...files];
    if (images.length === 0) return;
    summary.textContent = `Uploading ${images.length} ${images.length === 1 ? 'image' : 'images'}…`;
    let uploaded = 0;
    let latest = null;
    // One at a time: each bar moves in turn, and the server makes the variants of one while the next arrives.
    for (const file of images) {
      const { ok, html } = await send(file);
      if (ok) {
        uploaded += 1;
        latest = html;
      }
    }

    summary.textContent = `${uploaded} of ${images.length} uploaded.`;
    input.value = '';
    if (latest) {
      // The library as the last successful upload left it: the new images first, still processing.
      const page = new DOMParser().parseFromString(latest, 'text/html');
      for (const selector of ['.media-grid', '.result-count']) {
        const fresh = page.querySelector(selector);
        const current = document.querySelector(selector);
        if (fresh && current) current.replaceWith(document.importNode(fresh, true));
      }
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (input.files.length === 0) {
      summary.textContent = 'Choose at least one image to upload.';
      input.focus();
      return;
    }
    upload(input.files);
  });

  form.addEventListener('dragover', (e) => {
    if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) {
      e.preventDefault();
      form.classList.add('upload-drop-active');
    }
  });
  form.addEventListener('dragleave', (e) => {
    if (!form.contains(e.relatedTarget)) form.classList.remove('upload-drop-active');
  });
  form.addEventListener('drop', (e) => {
    e.preventDefault();
    form.classList.remove('upload-drop-active');
    if (e.dataTransfer) upload(e.dataTransfer.files);
  });
})();
