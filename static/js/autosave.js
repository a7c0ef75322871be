/* Samen op weg: a copy in the browser of every autosaved form, until the server has it.
 *
 * The autosave itself is htmx (templates/core/_autosave_attrs.html): every few seconds of
 * typing the form is posted with _autosave=1 and the server keeps it as a draft. This script
 * makes sure a sentence is not lost when that post does not arrive (issue 11, point 1):
 *
 * - on every change the form's fields are written to localStorage under
 *   "sow-draft:<user>:<page>[:<form>]" (the form's data-autosave), with the time;
 * - the copy is removed only when the server answers "X-Sow-Draft: saved" for exactly that text,
 *   or when the next page says the form was saved (<meta name="sow-saved">);
 * - when a save does not reach the server (no network, 503, an error), the status line says so
 *   plainly instead of keeping the last "Concept bewaard om ...";
 * - when the form opens again and the browser holds a different text than the form shows, a box
 *   above the form offers it, with its time next to the time of the server's draft.
 *
 * The copies of another user are dropped on every page someone is logged in on, and the logout
 * answer clears them all (Clear-Site-Data). Each page load also gets its own hidden "_tab" value, so the server keeps the forms of two tabs sent
 * after a time-out apart (point 2). The words come from the page (data-* of .draft-status),
 * translated by Django. Without JavaScript none of this runs and the forms work as before.
 */
(function () {
  "use strict";

  var PREFIX = "sow-draft:";
  var SKIP = { csrfmiddlewaretoken: 1, _autosave: 1, _tab: 1 };
  var MAX_AGE_MS = 7 * 24 * 3600 * 1000; // a copy nobody came back for in a week goes
  var WAIT_MS = 400;

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null; // private mode or storage off: the server's autosave still runs
    }
  }

  var store = storage();

  // One id per page load, in memory: a duplicated tab (which copies sessionStorage) is another.
  var TAB = String(Date.now()) + "-" + Math.random().toString(36).slice(2, 10);

  // Hidden fields that belong to what was typed: the version it was read at, and how many
  // children or adults a formset had (the registration).
  function kept(name) {
    return name === "version" || /-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/.test(name);
  }

  // Put back a copy with more subforms than the page has (a third child): through the server,
  // which draws them. The copy goes as an autosave; the page then opens with it as its draft.
  function putThroughServer(form, fields) {
    var body = new FormData();
    for (var name in fields) {
      for (var i = 0; i < fields[name].length; i++) {
        body.append(name, fields[name][i]);
      }
    }
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    body.append("csrfmiddlewaretoken", token ? token.value : "");
    body.append("_autosave", "1");
    return window.fetch(form.getAttribute("hx-post") || window.location.href, {
      method: "POST", body: body, credentials: "same-origin", headers: { "HX-Request": "true" }
    }).then(function (response) {
      if (response.ok && response.headers.get("X-Sow-Draft") === "saved") {
        forget(keyOf(form)); // the server's draft holds it now
        window.location.reload();
        return true;
      }
      return false;
    }).catch(function () { return false; });
  }

  function missingFrom(form, fields) {
    for (var name in fields) {
      if (!form.elements.namedItem(name)) {
        return true;
      }
    }
    return false;
  }

  function fieldsOf(form) {
    var fields = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      var type = (el.type || "").toLowerCase();
      if (!el.name || SKIP[el.name] || el.disabled) {
        continue;
      }
      // The version the form was read at goes with the text: put back, the server still
      // tells an edit made since then (the conflict page) instead of overwriting it.
      if ((type === "hidden" && !kept(el.name)) || type === "file" ||
          type === "password" || type === "submit" || type === "button" || type === "reset") {
        continue;
      }
      var values = fields[el.name] || (fields[el.name] = []);
      if (type === "checkbox" || type === "radio") {
        if (el.checked) {
          values.push(el.value);
        }
      } else if (el.tagName === "SELECT" && el.multiple) {
        for (var j = 0; j < el.options.length; j++) {
          if (el.options[j].selected) {
            values.push(el.options[j].value);
          }
        }
      } else {
        values.push(el.value);
      }
    }
    return fields;
  }

  function hasText(fields) {
    for (var name in fields) {
      for (var i = 0; i < fields[name].length; i++) {
        if (String(fields[name][i]).trim() !== "") {
          return true;
        }
      }
    }
    return false;
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function keyOf(form) {
    return PREFIX + form.dataset.autosave;
  }

  function read(key) {
    if (!store) {
      return null;
    }
    try {
      var copy = JSON.parse(store.getItem(key) || "null");
      return copy && copy.fields ? copy : null;
    } catch (e) {
      return null;
    }
  }

  function write(form) {
    if (!store) {
      return;
    }
    var fields = fieldsOf(form);
    try {
      if (hasText(fields)) {
        store.setItem(keyOf(form), JSON.stringify({ at: Date.now(), fields: fields }));
      }
    } catch (e) {
      // storage full: nothing to do but rely on the server
    }
  }

  function forget(key) {
    if (store) {
      store.removeItem(key);
    }
  }

  function put(form, fields) {
    var seen = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      var type = (el.type || "").toLowerCase();
      if (!el.name || SKIP[el.name] || !(el.name in fields) ||
          (type === "hidden" && !kept(el.name)) || type === "file" || type === "password") {
        continue;
      }
      var values = fields[el.name];
      if (type === "checkbox" || type === "radio") {
        el.checked = values.indexOf(el.value) !== -1;
      } else if (el.tagName === "SELECT" && el.multiple) {
        for (var j = 0; j < el.options.length; j++) {
          el.options[j].selected = values.indexOf(el.options[j].value) !== -1;
        }
      } else {
        var index = seen[el.name] || 0;
        seen[el.name] = index + 1;
        if (index < values.length) {
          el.value = values[index];
        }
      }
    }
  }

  function words(form) {
    return form.querySelector(".draft-status") || { dataset: {} };
  }

  function when(millis) {
    var lang = document.documentElement.lang || "nl";
    return new Date(millis).toLocaleString(lang === "nl" ? "nl-BE" : lang, {
      day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit"
    });
  }

  function say(template, values) {
    return String(template || "").replace(/%\((\w+)\)s/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  function offer(form, copy) {
    var text = words(form).dataset;
    var box = document.createElement("div");
    box.className = "notice browser-copy";
    var line = document.createElement("p");
    var said = say(text.offer, { when: when(copy.at) });
    if (form.dataset.draftAt) {
      said += " " + say(text.offerServer, { when: when(Date.parse(form.dataset.draftAt)) });
    }
    line.textContent = said;
    box.appendChild(line);
    var status = form.querySelector(".draft-status");
    if (status) {
      status.textContent = said; // said once by the live region; a new box is not announced
    }
    var actions = document.createElement("div");
    actions.className = "actions";
    var restore = document.createElement("button");
    restore.type = "button";
    restore.className = "button primary";
    restore.textContent = text.restore || "";
    var drop = document.createElement("button");
    drop.type = "button";
    drop.className = "button";
    drop.textContent = text.forget || "";
    actions.appendChild(restore);
    actions.appendChild(drop);
    box.appendChild(actions);
    restore.addEventListener("click", function () {
      if (missingFrom(form, copy.fields)) {
        putThroughServer(form, copy.fields).then(function (done) {
          if (!done) {
            put(form, copy.fields); // the server is away: put back what fits on this page
          }
        });
        return;
      }
      put(form, copy.fields);
      box.remove();
      // Through the usual path: the counter updates and the autosave sends it to the server.
      var first = form.querySelector("textarea, input[type=text]");
      (first || form).dispatchEvent(new Event("input", { bubbles: true }));
      if (first) {
        first.focus();
      }
    });
    drop.addEventListener("click", function () {
      forget(keyOf(form));
      box.remove();
      var first = form.querySelector("textarea, input[type=text]");
      if (first) {
        first.focus(); // not on <body>: the button that had the focus is gone
      }
    });
    form.insertBefore(box, form.firstChild);
    var folded = form.closest("details");
    if (folded) {
      folded.open = true; // a form folded away (the journal's new contact) shows its offer
    }
  }

  function attach(form) {
    if (form.dataset.autosaveReady || !form.dataset.autosave) {
      return;
    }
    form.dataset.autosaveReady = "1";
    var tab = document.createElement("input");
    tab.type = "hidden";
    tab.name = "_tab";
    tab.value = TAB;
    form.appendChild(tab);

    var copy = read(keyOf(form));
    if (copy && same(copy.fields, fieldsOf(form))) {
      if (form.dataset.draftAt) {
        forget(keyOf(form)); // the server's draft holds exactly this text
      }
    } else if (copy) {
      offer(form, copy);
    }

    var timer = null;
    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { write(form); }, WAIT_MS);
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", function () {
      window.clearTimeout(timer);
      write(form); // kept until the next page says it was saved
    });

    var sent = null;
    form.addEventListener("htmx:beforeRequest", function (event) {
      if (event.detail.elt === form) {
        window.clearTimeout(timer);
        write(form);
        sent = fieldsOf(form);
      }
    });
    form.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.elt !== form) {
        return;
      }
      var xhr = event.detail.xhr;
      var answer = xhr && xhr.status === 200 ? xhr.getResponseHeader("X-Sow-Draft") : null;
      if (answer === "saved") {
        var status = form.querySelector(".draft-status");
        if (status) {
          status.classList.remove("failed");
        }
        var kept = read(keyOf(form));
        if (kept && sent && same(kept.fields, sent)) {
          forget(keyOf(form)); // the server holds exactly this text
        }
      } else if (!answer) {
        failed(form);
      }
      // "refused" and "expired": the server's own words are in the status line; the copy stays.
    });
    ["htmx:sendError", "htmx:responseError", "htmx:timeout"].forEach(function (name) {
      form.addEventListener(name, function (event) {
        if (event.detail.elt === form) {
          failed(form);
        }
      });
    });
  }

  function failed(form) {
    var status = form.querySelector(".draft-status");
    if (status) {
      status.textContent = say(status.dataset.failed, { when: when(Date.now()) });
      status.classList.add("failed");
    }
  }

  function forgetSaved() {
    var meta = document.querySelector('meta[name="sow-saved"]');
    var who = document.querySelector('meta[name="sow-user"]');
    if (!store) {
      return;
    }
    var now = Date.now();
    var saved = meta ? meta.content.split(" ") : [];
    var user = who ? who.content : "";
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (!key || key.indexOf(PREFIX) !== 0) {
        continue;
      }
      var copy = read(key);
      var gone = !copy || now - copy.at > MAX_AGE_MS;
      // Someone else is logged in on this browser: the other person's copies go.
      gone = gone || (user !== "" && key.indexOf(PREFIX + user + ":") !== 0);
      for (var j = 0; !gone && j < saved.length; j++) {
        var page = PREFIX + user + ":" + saved[j];
        gone = key === page || key.indexOf(page + ":") === 0;
      }
      if (gone) {
        store.removeItem(key);
      }
    }
  }

  function attachAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var found = scope.querySelectorAll("form[data-autosave]");
    for (var i = 0; i < found.length; i++) {
      attach(found[i]);
    }
  }

  function start() {
    forgetSaved();
    attachAll(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  document.addEventListener("htmx:load", function (event) { attachAll(event.target); });
})();
