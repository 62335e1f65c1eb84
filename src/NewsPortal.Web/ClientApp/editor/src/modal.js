// What the editor's two dialogs (dialog.js, picker.js) share: building elements, and a native modal <dialog> that is
// labelled by its heading, removes itself when it closes and gives focus back to whatever had it when it opened.
let counter = 0;

// An element with its properties set (role and aria-* as attributes) and its children appended.
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'role' || name.startsWith('aria-')) node.setAttribute(name, value);
    else node[name] = value;
  }
  node.append(...children);
  return node;
}

export const button = (label, className = 'button button-secondary', type = 'button') =>
  el('button', { type, className, textContent: label });

// Returns the dialog (not yet shown: append the content, then call showModal), a prefix for the ids inside it, and a
// promise that settles after it has closed and handed focus back.
export function modal(kind, className, title) {
  const opener = document.activeElement;
  const id = `newsroom-${kind}-${++counter}`;
  const heading = el('h2', { id: `${id}-title`, textContent: title });
  const dialog = el('dialog', { className, 'aria-labelledby': heading.id });
  const closed = new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && typeof opener.focus === 'function' && document.contains(opener)) opener.focus();
      resolve();
    });
  });
  return { id, dialog, heading, closed };
}
