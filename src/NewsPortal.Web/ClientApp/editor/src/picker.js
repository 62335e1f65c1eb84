// The media library's image picker: a native <dialog> like dialog.js (modal, Escape cancels, focus returns to the
// button that opened it) with a search field and the matching images as buttons. Down from the search field goes to
// the list, Up and Down move in it, Enter or Space picks. Resolves to { src, alt, caption, credit, width, height } or
// null when cancelled. Only ready images with alt text are listed: the server decides that (GET pickerUrl?q=).
import { button, el, modal } from './modal.js';

export function openPicker(pickerUrl) {
  return new Promise((resolve) => {
    const { id, dialog, heading, closed } = modal('picker', 'newsroom-dialog newsroom-picker', 'Insert image');
    const label = el('label', { htmlFor: `${id}-q`, textContent: 'Search by alt text, caption, credit or file name' });
    const search = el('input', { type: 'search', id: `${id}-q`, autocomplete: 'off', 'aria-describedby': `${id}-status` });
    const status = el('p', { className: 'field-hint', id: `${id}-status`, role: 'status' });
    const list = el('ul', { className: 'newsroom-picker-list', 'aria-label': 'Images' });
    const cancel = button('Cancel');
    dialog.append(heading, el('div', { className: 'field' }, label, search, status), list, el('div', { className: 'editor-actions' }, cancel));
    document.body.append(dialog);

    let result = null;
    let asked = 0;
    const buttons = () => Array.from(list.querySelectorAll('button'));

    const show = (items) => {
      list.replaceChildren(
        ...items.map((item) => {
          const choice = el(
            'button',
            { type: 'button', className: 'newsroom-picker-item' },
            el('img', { src: item.thumbnail, alt: '' }),
            el('span', { textContent: item.alt }),
          );
          if (item.caption || item.credit) {
            choice.append(el('span', { className: 'field-hint', textContent: [item.caption, item.credit].filter(Boolean).join(' · ') }));
          }
          choice.addEventListener('click', () => {
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
          return el('li', {}, choice);
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
    dialog.addEventListener('close', () => clearTimeout(typing));
    closed.then(() => resolve(result));

    dialog.showModal();
    search.focus();
    load();
  });
}
