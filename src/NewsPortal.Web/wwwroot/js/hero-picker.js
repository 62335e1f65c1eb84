// The article form's "Choose hero image from the library" button: opens the editor bundle's media picker
// (window.NewsroomEditor.pickImage, set when the body editor mounts) and writes the pick into the hero image fields.
// The address it writes is one of the image's variants, which is how the reader's pages know it is a library image.
// Without JavaScript the button stays hidden and the fields are typed as before.
(() => {
  const button = document.querySelector('[data-hero-picker]');
  const url = document.getElementById('HeroImageUrl');
  const alt = document.getElementById('HeroImageAlt');
  const caption = document.getElementById('HeroImageCaption');
  if (!button || !url || !alt || !caption) return;

  button.hidden = false;
  button.addEventListener('click', async () => {
    const pick = window.NewsroomEditor && window.NewsroomEditor.pickImage;
    if (typeof pick !== 'function') {
      url.focus();
      return;
    }

    const image = await pick({});
    if (!image) return;
    url.value = image.src;
    alt.value = image.alt;
    caption.value = [image.caption, image.credit].filter(Boolean).join(' ');
    url.dispatchEvent(new Event('input', { bubbles: true }));
    button.focus();
  });
})();
