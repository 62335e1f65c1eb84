// The article editor's autosave and "who else is editing". Without this script nothing autosaves and the page works
// as an ordinary form; the server still shows who is editing when the page loads.
(function () {
  "use strict";
  var root = document.getElementById("editor-collaboration");
  var form = document.getElementById("article-form");
  if (!root || !form || !window.fetch || !window.FormData) {
    return;
  }
  var tokenField = form.querySelector("input[name='__RequestVerificationToken']");
  var token = tokenField ? tokenField.value : "";
  var status = document.getElementById("autosave-status");
  var presence = document.getElementById("editing-presence");
  var submitting = false;

  // The visual editor holds the body until the form is submitted; read it from the editor itself.
  function fields() {
    var data = new FormData(form);
    var editors = window.NewsroomEditor && window.NewsroomEditor.editors;
    if (editors && editors.length > 0 && typeof editors[0].getHTML === "function") {
      data.set("BodyHtml", editors[0].getHTML());
    }
    data.delete("intent");
    data.delete("KeepMine");
    return data;
  }

  function signature(data) {
    var parts = [];
    data.forEach(function (value, key) {
      if (key !== "__RequestVerificationToken") {
        parts.push(key + "=" + value);
      }
    });
    return parts.join("&");
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  // What the page opened with counts as saved: only a change is worth a slot. Read now, before anyone can type: the
  // editor (an earlier deferred script) has already started, since deferred scripts run once the page is parsed.
  var last = signature(fields());
  form.addEventListener("submit", function () { submitting = true; });

  function autosave() {
    if (submitting) {
      return;
    }
    var data = fields();
    var now = signature(data);
    if (now === last) {
      return;
    }
    fetch(root.getAttribute("data-autosave-url"), { method: "POST", body: data, credentials: "same-origin", headers: { "RequestVerificationToken": token } })
      .then(function (response) {
        if (response.ok) {
          last = now;
          return response.json().then(function (answer) {
            say("Your unsaved changes were kept at " + answer.savedAt + " (only for you; not saved to the story, not published).");
          });
        }
        return response.text().then(function (text) {
          say(text && text.length < 300 ? text : "Autosave failed (" + response.status + "). Your text is still here; save when you can.");
        });
      })
      .catch(function () { say("Autosave could not reach the server; it tries again shortly."); });
  }

  var seconds = parseInt(root.getAttribute("data-autosave-seconds"), 10) || 15;
  window.setInterval(autosave, seconds * 1000);

  var presenceUrl = root.getAttribute("data-presence-url");
  if (!presenceUrl) {
    return;
  }

  function tokenOnly() {
    var data = new FormData();
    data.append("__RequestVerificationToken", token);
    return data;
  }

  function show(lines) {
    if (!presence) {
      return;
    }
    presence.textContent = "";
    lines.forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      presence.appendChild(p);
    });
    presence.hidden = lines.length === 0;
  }

  function beat() {
    fetch(presenceUrl, { method: "POST", body: tokenOnly(), credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer && answer.editing) {
          show(answer.editing);
        }
      })
      .catch(function () { /* The next heartbeat tries again; the notice keeps what it last knew. */ });
  }

  beat();
  window.setInterval(beat, (parseInt(root.getAttribute("data-heartbeat-seconds"), 10) || 20) * 1000);
  window.addEventListener("pagehide", function () {
    if (navigator.sendBeacon) {
      navigator.sendBeacon(presenceUrl + "/leave", tokenOnly());
    }
  });
})();
