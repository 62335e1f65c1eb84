// Keyboard-first moderation: j/k move between comments, a/r/s/t/u act on the current one, x selects it.
// Every action is an ordinary form post, so the queue works the same without this script.
(function () {
  "use strict";
  var queue = document.querySelector("[data-keyboard-queue]");
  if (!queue) {
    return;
  }
  var items = Array.prototype.slice.call(queue.querySelectorAll(".queue-item"));
  var current = -1;

  function focusItem(index) {
    if (items.length === 0) {
      return;
    }
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach(function (item, i) { item.classList.toggle("is-current", i === current); });
    items[current].focus();
  }

  function currentIndex() {
    var active = document.activeElement && document.activeElement.closest(".queue-item");
    var i = items.indexOf(active);
    return i >= 0 ? i : current;
  }

  var selectAll = document.getElementById("select-all");
  if (selectAll) {
    selectAll.addEventListener("change", function () {
      queue.querySelectorAll("input[name='ids']").forEach(function (box) { box.checked = selectAll.checked; });
    });
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || (target && target.closest("input, textarea, select, [contenteditable]"))) {
      return;
    }
    var key = event.key.toLowerCase();
    if (key === "j" || key === "k") {
      event.preventDefault();
      var i = currentIndex();
      focusItem(i < 0 ? 0 : i + (key === "j" ? 1 : -1));
      return;
    }
    var index = currentIndex();
    if (index < 0) {
      return;
    }
    if (key === "x") {
      var box = items[index].querySelector("input[name='ids']");
      if (box) {
        event.preventDefault();
        box.checked = !box.checked;
      }
      return;
    }
    var button = items[index].querySelector("button[data-shortcut='" + key + "']");
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
})();
