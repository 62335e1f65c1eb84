// Video embeds in article bodies (<figure class="embed" data-embed="youtube|vimeo" data-id="...">, written by the
// article editor and checked by ArticleSanitizer). Nothing is requested from the video site until the reader presses
// play: the page shows a plain poster and a button, and only the click makes the iframe, on the privacy-respecting
// player (youtube-nocookie.com, Vimeo with dnt=1). The CSP's frame-src allows exactly these two origins.
(function () {
  'use strict';
  var players = {
    youtube: { name: 'YouTube', src: function (id) { return 'https://www.youtube-nocookie.com/embed/' + id + '?autoplay=1&rel=0'; }, id: /^[A-Za-z0-9_-]{11}$/ },
    vimeo: { name: 'Vimeo', src: function (id) { return 'https://player.vimeo.com/video/' + id + '?autoplay=1&dnt=1'; }, id: /^[0-9]{6,12}$/ }
  };

  function enhance(figure) {
    var player = players[figure.getAttribute('data-embed')];
    var id = figure.getAttribute('data-id') || '';
    if (!player || !player.id.test(id)) return;
    var link = figure.querySelector('a');
    var poster = document.createElement('div');
    poster.className = 'embed-poster';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'embed-play';
    button.textContent = 'Play video';
    var note = document.createElement('p');
    note.className = 'embed-note';
    note.textContent = 'Playing loads the video from ' + player.name + ', which may set cookies. ';
    if (link) {
      var copy = link.cloneNode(true);
      copy.textContent = 'Open it on ' + player.name + ' instead';
      note.appendChild(copy);
      link.remove();
    }
    poster.appendChild(button);
    poster.appendChild(note);
    figure.appendChild(poster);
    figure.classList.add('embed-ready');
    button.addEventListener('click', function () {
      var frame = document.createElement('iframe');
      frame.src = player.src(id);
      frame.title = 'Video from ' + player.name;
      frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      frame.className = 'embed-frame';
      poster.replaceWith(frame);
      frame.focus();
    });
  }

  var figures = document.querySelectorAll('.article-body figure.embed[data-embed][data-id]');
  for (var i = 0; i < figures.length; i++) enhance(figures[i]);
})();
