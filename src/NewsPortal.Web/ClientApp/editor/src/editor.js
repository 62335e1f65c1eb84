// The newsroom's article editor. The page loads this file (no inline script: the site's CSP allows none); it finds
// each <textarea data-newsroom-editor>, hides it and puts a TipTap editor in its place. The textarea stays the form
// field: without JavaScript it is the editor, and with it the editor writes its HTML back into it.
import { Editor, Extension } from '@tiptap/core';
import { extensions, unmodelled } from './schema.js';
import { cleanPastedHtml } from './paste.js';
import { videoFromUrl } from './video.js';
import { buildToolbar } from './toolbar.js';
import { openDialog } from './dialog.js';
import { openPicker } from './picker.js';

/**
 * The media library (issue 21) plugs in here: set window.NewsroomEditor.pickImage to a function that returns a
 * Promise of { src, alt, caption, credit, width?, height? } (or null when the editor cancels). A textarea with
 * data-media-picker (the picker's JSON address) sets it to the library's picker (picker.js). Without one the image
 * button asks for an address and alt text. Editing an image already in the body always uses that dialog, which keeps
 * the image and changes its alt text, caption and credit.
 */
const api = {
  pickImage: null,
  cleanPastedHtml,
  videoFromUrl,
  editors: [],
};

// A YouTube or Vimeo address alone on a line becomes an embed: typed then Enter, or pasted on its own.
const VideoLines = Extension.create({
  name: 'videoLines',
  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        const parent = $from.parent;
        if (!empty || parent.type.name !== 'paragraph' || $from.depth !== 1 || $from.parentOffset !== parent.content.size) return false;
        const video = videoFromUrl(parent.textContent);
        if (!video) return false;
        const from = $from.before();
        return editor
          .chain()
          .insertContentAt({ from, to: $from.after() }, [{ type: 'videoEmbed', attrs: video }, { type: 'paragraph' }])
          .run();
      },
    };
  },
});

function imageAllowed(src, origins) {
  if (!src) return false;
  if (src.startsWith('/') && !src.startsWith('//') && !src.startsWith('/\\')) return true;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && origins.includes(url.origin);
  } catch {
    return false;
  }
}

async function askForImage(editor, origins) {
  const current = editor.isActive('figure') ? editor.getAttributes('figure') : {};
  const picked = api.pickImage && !current.src
    ? await api.pickImage(current)
    : await openDialog({
        title: current.src ? 'Edit image' : 'Insert image',
        fields: [
          {
            name: 'src',
            label: 'Image address',
            hint: origins.length
              ? `A path on this site (/images/...) or an address on ${origins.join(', ')}`
              : 'A path on this site, such as /images/articles/harbour.svg',
            value: current.src || '',
            required: true,
            validate: (v) => (imageAllowed(v.trim(), origins) ? null : 'Images come from this site or an allowed image site.'),
          },
          { name: 'alt', label: 'Alt text (what the image shows)', value: current.alt || '', required: true },
          { name: 'caption', label: 'Caption', value: current.caption || '' },
          { name: 'credit', label: 'Credit (e.g. Photo: Jane Doe/Agency)', value: current.credit || '' },
        ],
        submitLabel: current.src ? 'Update image' : 'Insert image',
      });
  // Cancelled: the dialog has put focus back on the button that opened it.
  if (!picked) return;
  const src = picked.src.trim();
  const sameImage = current.src && src === current.src;
  const attrs = {
    src,
    alt: picked.alt.trim(),
    width: picked.width || (sameImage ? current.width : null),
    height: picked.height || (sameImage ? current.height : null),
    caption: (picked.caption || '').trim(),
    credit: (picked.credit || '').trim(),
  };
  if (current.src) editor.chain().focus().updateAttributes('figure', attrs).run();
  else editor.chain().focus().insertContent({ type: 'figure', attrs }).run();
}

async function askForLink(editor) {
  const current = editor.getAttributes('link').href || '';
  const result = await openDialog({
    title: current ? 'Edit link' : 'Add link',
    fields: [
      {
        name: 'href',
        label: 'Link address',
        hint: 'https://…, mailto:…, or a path on this site such as /news/…',
        value: current,
        type: 'url',
        required: !current,
        validate: (v) => {
          const value = v.trim();
          if (!value && current) return null;
          return /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/(?!\/)[^\s]*)$/i.test(value) ? null : 'Give an https:// address, a mailto: address or a path starting with /.';
        },
      },
    ],
    submitLabel: 'Apply link',
    extraAction: current ? { label: 'Remove link', value: { href: '' } } : null,
  });
  if (!result) return;
  const chain = editor.chain().focus().extendMarkRange('link');
  if (!result.href.trim()) {
    chain.unsetLink().run();
  } else if (editor.state.selection.empty && !editor.isActive('link')) {
    const href = result.href.trim();
    chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
  } else {
    chain.setLink({ href: result.href.trim() }).run();
  }
}

async function askForVideo(editor) {
  const result = await openDialog({
    title: 'Embed a video',
    fields: [
      {
        name: 'url',
        label: 'YouTube or Vimeo address',
        hint: 'Readers see a play button; nothing loads from the video site until they press it.',
        type: 'url',
        required: true,
        validate: (v) => (videoFromUrl(v) ? null : 'Give the address of a YouTube or Vimeo video.'),
      },
    ],
    submitLabel: 'Embed video',
  });
  if (!result) return;
  editor.chain().focus().insertContent({ type: 'videoEmbed', attrs: videoFromUrl(result.url) }).run();
}

function mount(textarea) {
  const pickerUrl = textarea.dataset.mediaPicker;
  if (pickerUrl && !api.pickImage) api.pickImage = () => openPicker(pickerUrl);
  const origins = (textarea.dataset.imageOrigins || '').split(/\s+/).filter(Boolean);
  const label = textarea.id ? document.querySelector(`label[for="${textarea.id}"]`) : null;
  if (label && !label.id) label.id = `${textarea.id}-label`;

  const wrapper = document.createElement('div');
  wrapper.className = 'newsroom-editor';
  const notice = document.createElement('p');
  notice.className = 'newsroom-editor-notice';
  notice.hidden = true;
  const surface = document.createElement('div');
  surface.className = 'newsroom-editor-surface';
  textarea.before(wrapper);

  const original = textarea.value;
  const editor = new Editor({
    element: surface,
    extensions: [...extensions, VideoLines],
    content: original,
    injectCSS: false,
    editorProps: {
      attributes: {
        class: 'newsroom-editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(label ? { 'aria-labelledby': label.id } : { 'aria-label': 'Article body' }),
        ...(textarea.getAttribute('aria-describedby') ? { 'aria-describedby': textarea.getAttribute('aria-describedby') } : {}),
      },
      transformPastedHTML: cleanPastedHtml,
      handlePaste: (view, event) => {
        const text = event.clipboardData?.getData('text/plain')?.trim();
        const video = text && !text.includes('\n') ? videoFromUrl(text) : null;
        if (!video) return false;
        editor.chain().focus().insertContent({ type: 'videoEmbed', attrs: video }).run();
        return true;
      },
    },
  });

  // What the editor makes of the stored HTML, untouched. Saving with no change submits the stored HTML itself, so
  // merely opening an article never rewrites it.
  const initial = editor.getHTML();
  let sourceMode = false;
  const sync = () => {
    if (sourceMode) return;
    const html = editor.getHTML();
    textarea.value = html === initial ? original : html;
  };
  editor.on('update', sync);

  const setSourceMode = (on, focus = true) => {
    if (on === sourceMode) return;
    if (on) {
      sync();
      sourceMode = true;
      surface.hidden = true;
      textarea.hidden = false;
      if (focus) textarea.focus();
    } else {
      sourceMode = false;
      editor.commands.setContent(textarea.value, { emitUpdate: false });
      textarea.hidden = true;
      surface.hidden = false;
      if (editor.getHTML() !== initial) textarea.value = editor.getHTML();
      if (focus) editor.commands.focus();
    }
    toolbar.update();
  };

  const toolbar = buildToolbar(editor, {
    link: () => askForLink(editor),
    image: () => askForImage(editor, origins),
    video: () => askForVideo(editor),
    source: () => setSourceMode(!sourceMode),
    isSource: () => sourceMode,
  });

  wrapper.append(toolbar.element, notice, surface);
  wrapper.after(textarea);
  textarea.hidden = true;
  if (label) label.addEventListener('click', () => (sourceMode ? textarea.focus() : editor.commands.focus()));
  textarea.form?.addEventListener('submit', sync);

  const lost = unmodelled(new DOMParser().parseFromString(original, 'text/html').body);
  if (lost.length) {
    notice.hidden = false;
    notice.textContent = `This body contains markup the visual editor does not keep (${lost.join(', ')}). It is shown as HTML so nothing is lost; switch to the visual editor only if you mean to drop it.`;
    setSourceMode(true, false);
  }

  api.editors.push(editor);
  return editor;
}

function start() {
  for (const textarea of document.querySelectorAll('textarea[data-newsroom-editor]')) mount(textarea);
}

window.NewsroomEditor = api;
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
