// The media library's image picker: a native <dialog> like dialog.js (modal, Escape cancels, focus returns to the
// button that opened it) with a search field and the matching images as buttons. Down from the search field goes to
// the list, Up and Down move in it, Enter or Space picks. Resolves to { src, alt, caption, credit, width, height } or
// null when cancelled. Only ready images with alt text are listed: the server decides that (GET pickerUrl?q=).
let counter = 0;

export function openPicker(pickerUrl) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const id = `newsroom-picker-${++counter}`;
    const dialog = document.createElement('dialog');
    dialog.className = 'newsroom-dialog newsroom-picker';
    dialog.setAttribute('aria-labelledby', `${id}-title`);
    const heading = document.createElement('h2');
    heading.id = `${id}-title`;
    heading.textContent = 'Insert image';

    const field = document.createElement('div');
    field.className = 'field';
    const label = document.createElement('label');
    label.htmlFor = `${id}-q`;
    label.textContent = 'Search by alt text, caption, credit or file name';
    const search = document.createElement('input');
    search.type = 'search';
    search.id = `${id}-q`;
    search.autocomplete = 'off';
    const status = document.createElement('p');
    status.className = 'field-hint';
    status.id = `${id}-status`;
    status.setAttribute('role', 'status');
    search.setAttribute('aria-describedby', status.id);
    field.append(label, search, status);

    const list = document.createElement('ul');
    list.className = 'newsroom-picker-list';
    list.setAttribute('aria-label', 'Images');

    const actions = document.createElement('div');
    actions.className = 'editor-actions';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'button button-secondary';
    cancel.textContent = 'Cancel';
    actions.append(cancel);
    dialog.append(heading, field, list, actions);
    document.body.append(dialog);

    let result = null;
    let asked = 0;
    const buttons = () => Array.from(list.querySelectorAll('button'));

    const show = (items) => {
      list.replaceChildren(
        ...items.map((item) => {
          const li = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'newsroom-picker-item';
          const thumb = document.createElement('img');
          thumb.src = item.thumbnail;
          thumb.alt = '';
          const text = document.createElement('span');
          text.textContent = item.alt;
          button.append(thumb, text);
          if (item.caption || item.credit) {
            const more = document.createElement('span');
            more.className = 'field-hint';
            more.textContent = [item.caption, item.credit].filter(Boolean).join(' · ');
            button.append(more);
          }
          button.addEventListener('click', () => {
            result = {
              src: item.src,
              alt: item.alt,
              caption: item.caption || '',
              credit: item.credit || '',
              width: item.width,
              height: item.height,
            };
            dialog.close();
          });
          li.append(button);
          return li;
        }),
      );
      status.textContent = items.length
        ? `${items.length} image${items.length === 1 ? '' : 's'}. Press Down to choose.`
        : 'No image matches. Only processed images with alt text can be inserted: add alt text in the media library.';
    };

    const load = async () => {
      const mine = ++asked;
      status.textContent = 'Searching…';
      try {
        const response = await fetch(`${pickerUrl}?q=${encodeURIComponent(search.value.trim())}`, {
          credentials: 'same-origin',
          headers: { Accept: 'application/json' },
        });
        if (!response.ok) throw new Error(String(response.status));
        const items = await response.json();
        if (mine === asked) show(items);
      } catch {
        if (mine === asked) status.textContent = 'The media library could not be searched. Try again, or close this and reload the page.';
      }
    };

    let typing = null;
    search.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(load, 250);
    });
    search.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && buttons().length) {
        event.preventDefault();
        buttons()[0].focus();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        clearTimeout(typing);
        load();
      }
    });
    list.addEventListener('keydown', (event) => {
      const all = buttons();
      const at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === 'ArrowDown' && at < all.length - 1) {
        event.preventDefault();
        all[at + 1].focus();
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        (at === 0 ? search : all[at - 1]).focus();
      }
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      clearTimeout(typing);
      dialog.remove();
      if (opener && typeof opener.focus === 'function' && document.contains(opener)) opener.focus();
      resolve(result);
    });

    dialog.showModal();
    search.focus();
    load();
  });
}
