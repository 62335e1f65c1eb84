// YouTube and Vimeo addresses, and the one canonical link stored for each. The id patterns are the ones
// ArticleSanitizer.cs accepts on <figure class="embed">; keep them in step.
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^[0-9]{6,12}$/;

/** { provider, id } for a YouTube or Vimeo video address, else null. */
export function videoFromUrl(text) {
  let url;
  try {
    url = new URL(String(text || '').trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^(www\.|m\.)/, '');
  const path = url.pathname.split('/').filter(Boolean);
  let id = null;
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (path[0] === 'watch') id = url.searchParams.get('v');
    else if (['embed', 'shorts', 'live', 'v'].includes(path[0])) id = path[1];
    if (id && YOUTUBE_ID.test(id)) return { provider: 'youtube', id };
  } else if (host === 'youtu.be') {
    id = path[0];
    if (id && YOUTUBE_ID.test(id)) return { provider: 'youtube', id };
  } else if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    id = path.find((segment) => VIMEO_ID.test(segment));
    if (id) return { provider: 'vimeo', id };
  }
  return null;
}

/** The address stored in the embed's link (and shown to readers without JavaScript). */
export function videoUrl(provider, id) {
  return provider === 'vimeo' ? `https://vimeo.com/${id}` : `https://www.youtube.com/watch?v=${id}`;
}
