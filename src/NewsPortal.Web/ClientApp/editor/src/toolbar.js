// The editor's toolbar: one tab stop (roving tabindex; arrow keys, Home and End move between buttons), every button
// named for screen readers, and toggles that say whether they are on (aria-pressed).
function toggleQuote(editor, pullquote) {
  if (editor.isActive('blockquote', { pullquote })) return editor.chain().focus().lift('blockquote').run();
  if (editor.isActive('blockquote')) return editor.chain().focus().updateAttributes('blockquote', { pullquote }).run();
  return editor.chain().focus().wrapIn('blockquote', { pullquote }).run();
}

// Header cells start with a word to type over: an empty header is a table a screen reader cannot explain.
function insertTable(editor) {
  const cell = (type, text) => ({ type, content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] });
  const row = (type, texts) => ({ type: 'tableRow', content: texts.map((t) => cell(type, t)) });
  const before = editor.state.selection.from;
  const inserted = editor
    .chain()
    .focus()
    .insertContent({
      type: 'table',
      content: [row('tableHeader', ['Column 1', 'Column 2', 'Column 3']), row('tableCell', ['', '', '']), row('tableCell', ['', '', ''])],
    })
    .run();
  // Select the first header's word, so typing replaces it and the table buttons show.
  let first = null;
  editor.state.doc.nodesBetween(Math.max(0, before - 2), editor.state.doc.content.size, (node, pos) => {
    if (first === null && node.type.name === 'tableHeader') first = pos + 2;
    return first === null;
  });
  if (inserted && first !== null) editor.commands.setTextSelection({ from: first, to: first + 'Column 1'.length });
  return inserted;
}

const groups = (actions) => [
  [
    { key: 'h2', text: 'H2', label: 'H2 heading', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
    { key: 'h3', text: 'H3', label: 'H3 subheading', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
    { key: 'h4', text: 'H4', label: 'H4 minor heading', run: (e) => e.chain().focus().toggleHeading({ level: 4 }).run(), active: (e) => e.isActive('heading', { level: 4 }) },
  ],
  [
    { key: 'bold', text: 'B', label: 'Bold', className: 'is-bold', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
    { key: 'italic', text: 'I', label: 'Italic', className: 'is-italic', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
    { key: 'link', text: 'Link', label: 'Link', run: actions.link, active: (e) => e.isActive('link') },
  ],
  [
    { key: 'bullets', text: 'Bulleted', label: 'Bulleted list', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
    { key: 'numbers', text: 'Numbered', label: 'Numbered list', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
    { key: 'quote', text: 'Quote', label: 'Block quote', run: (e) => toggleQuote(e, false), active: (e) => e.isActive('blockquote', { pullquote: false }) },
    { key: 'pullquote', text: 'Pull quote', label: 'Pull quote', run: (e) => toggleQuote(e, true), active: (e) => e.isActive('blockquote', { pullquote: true }) },
  ],
  [
    { key: 'image', text: 'Image', label: 'Insert or edit image', run: actions.image },
    { key: 'video', text: 'Video', label: 'Embed a YouTube or Vimeo video', run: actions.video },
    { key: 'table', text: 'Table', label: 'Insert table', run: insertTable, disabled: (e) => e.isActive('table') },
    { key: 'rule', text: '―', label: 'Horizontal rule', run: (e) => e.chain().focus().setHorizontalRule().run() },
  ],
  [
    { key: 'row', text: '+ Row', label: 'Add table row', inTable: true, run: (e) => e.chain().focus().addRowAfter().run() },
    { key: 'column', text: '+ Column', label: 'Add table column', inTable: true, run: (e) => e.chain().focus().addColumnAfter().run() },
    { key: 'delrow', text: '− Row', label: 'Delete table row', inTable: true, run: (e) => e.chain().focus().deleteRow().run() },
    { key: 'delcolumn', text: '− Column', label: 'Delete table column', inTable: true, run: (e) => e.chain().focus().deleteColumn().run() },
    { key: 'deltable', text: '× Table', label: 'Delete table', inTable: true, run: (e) => e.chain().focus().deleteTable().run() },
  ],
  [
    { key: 'undo', text: '↶', label: 'Undo', run: (e) => e.chain().focus().undo().run(), disabled: (e) => !e.can().undo() },
    { key: 'redo', text: '↷', label: 'Redo', run: (e) => e.chain().focus().redo().run(), disabled: (e) => !e.can().redo() },
    { key: 'source', text: 'HTML', label: 'Edit as HTML', run: actions.source, active: () => actions.isSource(), always: true },
  ],
];

export function buildToolbar(editor, actions) {
  const element = document.createElement('div');
  element.className = 'newsroom-toolbar';
  element.setAttribute('role', 'toolbar');
  element.setAttribute('aria-label', 'Formatting');
  const buttons = [];
  for (const group of groups(actions)) {
    const wrap = document.createElement('span');
    wrap.className = 'newsroom-toolbar-group';
    for (const item of group) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `newsroom-toolbar-button ${item.className || ''}`.trim();
      button.textContent = item.text;
      button.setAttribute('aria-label', item.label);
      button.dataset.command = item.key;
      button.tabIndex = -1;
      if (item.active) button.setAttribute('aria-pressed', 'false');
      // Keep the selection in the editor while the mouse is down; keyboard users arrive here from the editor anyway.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') === 'true') return;
        item.run(editor);
        update();
      });
      wrap.append(button);
      buttons.push({ item, button, wrap });
    }
    element.append(wrap);
  }

  let current = 0;
  const visible = () => buttons.filter(({ button }) => !button.hidden);
  const focusAt = (index) => {
    const list = visible();
    if (!list.length) return;
    const next = list[(index + list.length) % list.length].button;
    for (const { button } of buttons) button.tabIndex = -1;
    next.tabIndex = 0;
    current = buttons.findIndex(({ button }) => button === next);
    next.focus();
  };
  element.addEventListener('focusin', (event) => {
    const at = buttons.findIndex(({ button }) => button === event.target);
    if (at < 0) return;
    current = at;
    for (const [i, { button }] of buttons.entries()) button.tabIndex = i === current ? 0 : -1;
  });
  element.addEventListener('keydown', (event) => {
    const list = visible();
    const at = list.findIndex(({ button }) => button === document.activeElement);
    if (at < 0) return;
    const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: list.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    focusAt(moves[event.key]);
  });

  function update() {
    const source = actions.isSource();
    const inTable = !source && editor.isActive('table');
    for (const { item, button } of buttons) {
      if (item.inTable) button.hidden = !inTable;
      const disabled = (source && !item.always) || (item.disabled ? item.disabled(editor) : false);
      if (disabled) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
      if (item.active) button.setAttribute('aria-pressed', String(!!item.active(editor) && (item.always || !source)));
    }
    for (const { wrap } of buttons) wrap.hidden = !Array.from(wrap.children).some((b) => !b.hidden);
    // The one tab stop stays on a visible button.
    if (buttons[current].button.hidden) current = buttons.findIndex(({ button }) => !button.hidden);
    for (const [i, { button }] of buttons.entries()) button.tabIndex = i === current ? 0 : -1;
  }

  editor.on('transaction', update);
  editor.on('focus', update);
  update();
  return { element, update };
}
