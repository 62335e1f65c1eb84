// The editor's document model, kept in step with Infrastructure/Sanitizing/ArticleSanitizer.cs: every node and mark
// here renders only tags, attributes and classes the sanitizer keeps, in the order it writes them, so
// sanitize(editor output) == editor output and an article opened and saved unchanged is stored unchanged.
import { Node, mergeAttributes } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Blockquote from '@tiptap/extension-blockquote';
import Link from '@tiptap/extension-link';
import { OrderedList } from '@tiptap/extension-list';
import Image from '@tiptap/extension-image';
import { Table, TableRow, TableCell, TableHeader } from '@tiptap/extension-table';
import { videoFromUrl, videoUrl } from './video.js';

const isSafeHref = (href) => typeof href === 'string' && (/^(https?:|mailto:)/i.test(href) || /^[/#?]/.test(href)) && !href.startsWith('//');

// The sanitizer adds rel="noopener" to every absolute http(s) link and removes every other rel, target and class.
const NewsLink = Link.extend({
  addAttributes() {
    return {
      href: { default: null, parseHTML: (el) => el.getAttribute('href') },
      title: { default: null },
      rel: {
        default: null,
        parseHTML: () => null,
        renderHTML: () => ({}),
      },
    };
  },
  renderHTML({ HTMLAttributes }) {
    const { href, title } = HTMLAttributes;
    const attrs = { href: isSafeHref(href) ? href : '' };
    if (title) attrs.title = title;
    if (/^https?:/i.test(attrs.href)) attrs.rel = 'noopener';
    return ['a', attrs, 0];
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  HTMLAttributes: {},
});

// One blockquote node; a pull quote is the same node with class="pullquote" (the one class the sanitizer keeps on a
// blockquote).
const NewsBlockquote = Blockquote.extend({
  addAttributes() {
    return {
      pullquote: {
        default: false,
        parseHTML: (el) => el.classList.contains('pullquote'),
        renderHTML: (attrs) => (attrs.pullquote ? { class: 'pullquote' } : {}),
      },
    };
  },
});

// Numbered lists keep where they start; the list-style "type" is presentation and the sanitizer drops it.
const NewsOrderedList = OrderedList.extend({
  addAttributes() {
    return {
      start: {
        default: 1,
        parseHTML: (el) => (el.hasAttribute('start') ? parseInt(el.getAttribute('start'), 10) || 1 : 1),
      },
    };
  },
  renderHTML({ HTMLAttributes }) {
    return ['ol', HTMLAttributes.start !== 1 ? { start: HTMLAttributes.start } : {}, 0];
  },
});

// A bare <img> in older bodies stays where it is (inline, as the sanitizer keeps it); new images are figures.
const InlineImage = Image.extend({
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: null },
      title: { default: null },
      width: { default: null },
      height: { default: null },
    };
  },
}).configure({ inline: true, allowBase64: false });

/**
 * An image with its caption and credit: <figure><img src alt><figcaption>Caption <small>Credit</small></figcaption>
 * </figure>. One atom, edited through the image dialog (or the media library's picker, see editor.js).
 */
function dimension(value) {
  return /^[1-9][0-9]{0,4}$/.test(value || '') ? Number(value) : null;
}

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      src: { default: '' },
      alt: { default: '' },
      // Set by the media library's picker so the reader's page reserves the image's space (no layout shift).
      width: { default: null },
      height: { default: null },
      caption: { default: '' },
      credit: { default: '' },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (el) => {
          if (el.classList.contains('embed')) return false;
          const img = el.querySelector('img');
          if (!img) return false;
          const figcaption = el.querySelector('figcaption');
          let caption = '';
          let credit = '';
          if (figcaption) {
            const small = figcaption.querySelector(':scope > small:last-child');
            credit = small ? small.textContent.trim() : '';
            caption = Array.from(figcaption.childNodes)
              .filter((n) => n !== small)
              .map((n) => n.textContent)
              .join('')
              .trim();
          }
          return {
            src: img.getAttribute('src') || '',
            alt: img.getAttribute('alt') || '',
            width: dimension(img.getAttribute('width')),
            height: dimension(img.getAttribute('height')),
            caption,
            credit,
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, width, height, caption, credit } = node.attrs;
    const parts = [];
    if (caption) parts.push(caption);
    if (caption && credit) parts.push(' ');
    if (credit) parts.push(['small', {}, credit]);
    const img = ['img', width && height ? { src, alt, width: String(width), height: String(height) } : { src, alt }];
    return parts.length ? ['figure', {}, img, ['figcaption', {}, ...parts]] : ['figure', {}, img];
  },
});

/**
 * A YouTube or Vimeo video, stored as a plain figure with a link to the video. The reader's page
 * (wwwroot/js/embeds.js) turns it into a poster and a play button, and makes the iframe only on the click, so
 * nothing is asked of the video site before the reader chooses to play.
 */
export const VideoEmbed = Node.create({
  name: 'videoEmbed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { provider: { default: 'youtube' }, id: { default: '' } };
  },
  parseHTML() {
    return [
      {
        tag: 'figure.embed[data-embed][data-id]',
        priority: 60,
        getAttrs: (el) => {
          const provider = el.getAttribute('data-embed');
          if (provider !== 'youtube' && provider !== 'vimeo') return false;
          const video = videoFromUrl(videoUrl(provider, el.getAttribute('data-id')));
          return video ? { provider: video.provider, id: video.id } : false;
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { provider, id } = node.attrs;
    const label = provider === 'vimeo' ? 'Watch the video on Vimeo' : 'Watch the video on YouTube';
    return [
      'figure',
      { class: 'embed', 'data-embed': provider, 'data-id': id },
      ['a', { href: videoUrl(provider, id), rel: 'noopener' }, label],
    ];
  },
});

// Table cells keep only what the sanitizer keeps: colspan and rowspan when they are not 1; no widths or alignment
// styles (which the site's CSP would refuse in the editor as well).
const spanAttributes = () => ({
  colspan: {
    default: 1,
    parseHTML: (el) => parseInt(el.getAttribute('colspan') || '1', 10) || 1,
    renderHTML: (attrs) => (attrs.colspan !== 1 ? { colspan: attrs.colspan } : {}),
  },
  rowspan: {
    default: 1,
    parseHTML: (el) => parseInt(el.getAttribute('rowspan') || '1', 10) || 1,
    renderHTML: (attrs) => (attrs.rowspan !== 1 ? { rowspan: attrs.rowspan } : {}),
  },
  colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
});
const NewsTableCell = TableCell.extend({ addAttributes: spanAttributes });
const NewsTableHeader = TableHeader.extend({ addAttributes: spanAttributes });
const NewsTable = Table.extend({
  addAttributes() {
    return {};
  },
  renderHTML() {
    return ['table', ['tbody', 0]];
  },
}).configure({ resizable: false, HTMLAttributes: {} });

export const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    blockquote: false,
    orderedList: false,
    link: false,
    // A trailing paragraph would change an article that ends in a figure or table on mere opening.
    trailingNode: false,
  }),
  NewsBlockquote,
  NewsOrderedList,
  NewsLink,
  InlineImage,
  Figure,
  VideoEmbed,
  NewsTable,
  TableRow,
  NewsTableHeader,
  NewsTableCell,
];

/**
 * The elements the editor models and the attributes it keeps on each; anything else in a body would be lost by
 * editing it visually (editor.js then opens the HTML view instead).
 */
export const keptAttributes = {
  p: [], br: [], hr: [], h2: [], h3: [], h4: [], strong: [], b: [], em: [], i: [], u: [], s: [], code: [], pre: [],
  blockquote: ['class'], ul: [], ol: ['start'], li: [], a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title', 'width', 'height'],
  figure: ['class', 'data-embed', 'data-id'], figcaption: [], table: [], thead: [], tbody: [], tr: [],
  th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'],
};

/** What of `root`'s markup the editor would not keep: element names, and element[attribute] pairs. */
export function unmodelled(root) {
  const lost = new Set();
  for (const el of root.querySelectorAll('*')) {
    const name = el.tagName.toLowerCase();
    const inFigure = el.closest('figure');
    if (name === 'small' && el.parentElement?.tagName === 'FIGCAPTION') continue;
    const kept = keptAttributes[name];
    if (!kept) {
      lost.add(`<${name}>`);
      continue;
    }
    for (const attr of el.getAttributeNames()) {
      // A figure's image keeps only its address, alt text and size.
      const keeps = name === 'img' && inFigure ? ['src', 'alt', 'width', 'height'] : kept;
      if (!keeps.includes(attr)) lost.add(`<${name} ${attr}>`);
    }
  }
  return [...lost];
}

export { mergeAttributes };
