// What Word and Google Docs put on the clipboard, cleaned before the editor sees it: their styles, classes, spans,
// <o:p>, conditional comments and mso- properties go; headings, paragraphs, lists, links, bold, italic and tables
// stay. Word's lists are paragraphs styled "mso-list" with a typed bullet; they become real lists.
const DROP_WITH_CONTENT = new Set(['style', 'script', 'meta', 'link', 'title', 'head', 'xml', 'template', 'object', 'iframe', 'svg', 'math']);
const KEEP_ATTRIBUTES = {
  a: ['href', 'title'],
  img: ['src', 'alt'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
};

function styleOf(el) {
  return (el.getAttribute && el.getAttribute('style')) || '';
}

function rename(el, tag) {
  const replacement = el.ownerDocument.createElement(tag);
  while (el.firstChild) replacement.appendChild(el.firstChild);
  for (const attr of Array.from(el.attributes)) replacement.setAttribute(attr.name, attr.value);
  el.replaceWith(replacement);
  return replacement;
}

function unwrap(el) {
  el.replaceWith(...Array.from(el.childNodes));
}

function wrapChildren(el, tag) {
  const wrapper = el.ownerDocument.createElement(tag);
  while (el.firstChild) wrapper.appendChild(el.firstChild);
  el.appendChild(wrapper);
}

// Word: <p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1.<span>
// </span></span>Text</p>. Consecutive ones become one <ul> or <ol> (nesting is flattened).
function convertWordLists(body) {
  const items = Array.from(body.querySelectorAll('p')).filter((p) => /mso-list:\s*l\d/i.test(styleOf(p)));
  let list = null;
  let previous = null;
  for (const p of items) {
    const marker = Array.from(p.querySelectorAll('span')).find((s) => /mso-list:\s*ignore/i.test(styleOf(s)));
    const markerText = marker ? marker.textContent.replace(/\s+/g, '') : '';
    if (marker) marker.remove();
    const ordered = /^(\d+|[a-z]|[ivxlc]+)[.)]$/i.test(markerText);
    if (!list || previous?.nextElementSibling !== p || list.tagName.toLowerCase() !== (ordered ? 'ol' : 'ul')) {
      list = p.ownerDocument.createElement(ordered ? 'ol' : 'ul');
      p.before(list);
    }
    const li = p.ownerDocument.createElement('li');
    while (p.firstChild) li.appendChild(p.firstChild);
    list.appendChild(li);
    previous = list;
    p.remove();
  }
}

function cleanElement(el) {
  const tag = el.tagName.toLowerCase();
  if (DROP_WITH_CONTENT.has(tag)) {
    el.remove();
    return;
  }
  for (const child of Array.from(el.children)) cleanElement(child);

  const style = styleOf(el);
  // Google Docs wraps everything in <b style="font-weight:normal">; it is not bold.
  if (tag === 'b' && /font-weight:\s*(normal|[1-4]00)\b/i.test(style)) {
    unwrap(el);
    return;
  }
  if (tag === 'span' || tag === 'font') {
    // Google Docs marks bold and italic with styles on spans: keep the meaning, lose the span.
    if (/font-style:\s*italic/i.test(style)) wrapChildren(el, 'em');
    if (/font-weight:\s*(bold|[6-9]00)\b/i.test(style)) wrapChildren(el, 'strong');
    unwrap(el);
    return;
  }
  if (tag.includes(':')) {
    // <o:p>, <w:sdt>, <v:shape>...: Office's own namespaces.
    unwrap(el);
    return;
  }
  if (tag === 'br' && /Apple-interchange-newline/.test(el.getAttribute('class') || '')) {
    el.remove();
    return;
  }
  let current = el;
  if (tag === 'h1') current = rename(el, 'h2');
  else if (tag === 'h5' || tag === 'h6') current = rename(el, 'h4');
  const keep = KEEP_ATTRIBUTES[current.tagName.toLowerCase()] || [];
  for (const attr of Array.from(current.attributes)) {
    if (!keep.includes(attr.name.toLowerCase())) current.removeAttribute(attr.name);
  }
  // Word's empty paragraphs (<p class=MsoNormal>&nbsp;</p>) are spacing, not content.
  if (current.tagName === 'P' && !current.querySelector('img') && current.textContent.replace(/[\s\u00a0]/g, '') === '') {
    current.remove();
  }
}

function removeComments(root) {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.remove();
}

/** Clean HTML from the clipboard; returns HTML the editor's schema and the article sanitizer both keep. */
export function cleanPastedHtml(html) {
  const doc = new DOMParser().parseFromString(String(html || ''), 'text/html');
  const body = doc.body;
  removeComments(doc.documentElement);
  convertWordLists(body);
  for (const child of Array.from(body.children)) cleanElement(child);
  return body.innerHTML.trim();
}
