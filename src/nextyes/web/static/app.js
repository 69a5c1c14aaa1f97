// nextyes: a small script that makes the pages nicer. Every page works without it.
//
// - Forms marked data-enhance are sent in the background: a problem shows next to the form,
//   keeping what you typed; on success the next page replaces this one.
// - Forms marked data-confirm ask first.
// - On the board, arrow keys move between cards; Shift+Right moves an application on to its
//   next stage and Shift+Left undoes a stage recorded by mistake.
// - Anything marked data-lint-source is checked as you type (the feedback-request draft).
// - Forms marked data-upload show how much of a file has gone up; a page with data-job
//   follows its job (a mailbox being read) without reloading; links and forms marked
//   data-busy say that something is being prepared.
// - On a phone, the Menu link opens the navigation in place.
"use strict";

(function () {
  function focusTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target) {
      var link = target.matches("[data-card]") ? target.querySelector(".card-title") : null;
      (link || target).focus({ preventScroll: false });
      return true;
    }
    return false;
  }

  function showProblem(form, message) {
    var box = form.querySelector(".form-problem");
    if (!box) {
      box = document.createElement("p");
      box.className = "form-problem";
      box.setAttribute("role", "alert");
      box.tabIndex = -1;
      form.prepend(box);
    }
    box.textContent = message;
    box.focus();
  }

  function swapPage(html, url, push, keep) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    document.title = doc.title;
    document.body.replaceWith(doc.body);
    enhance();
    followJob();
    if (push) {
      history.pushState({ nextyes: true }, "", url);
    }
    var kept = keep && document.getElementById(keep);
    if (kept) {
      (kept.querySelector(".card-title") || kept).focus();
    } else if (!focusTarget()) {
      var main = document.getElementById("main");
      if (main) {
        main.focus();
      }
      window.scrollTo(0, 0);
    }
  }

  async function sendInBackground(form, submitter) {
    var body = new URLSearchParams(new FormData(form, submitter));
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    var card = form.closest("[data-card]");
    if (card) {
      card.classList.add("moving");
    }
    try {
      var response = await fetch(form.action, {
        method: "POST",
        body: body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        credentials: "same-origin",
      });
      var html = await response.text();
      if (response.ok) {
        swapPage(html, response.url, true, card ? card.id : null);
        return;
      }
      var doc = new DOMParser().parseFromString(html, "text/html");
      var problem = doc.querySelector(".problem");
      showProblem(form, problem ? problem.textContent : "That did not work; please try again.");
    } catch (error) {
      showProblem(form, "nextyes did not answer. Is it still running? Your entry was not saved.");
    } finally {
      buttons.forEach(function (b) { b.disabled = false; });
      if (card) {
        card.classList.remove("moving");
      }
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    if (form.hasAttribute("data-upload") && window.XMLHttpRequest && window.FormData) {
      event.preventDefault();
      upload(form, event.submitter);
      return;
    }
    if (form.hasAttribute("data-busy")) {
      showBusy(form, form.getAttribute("data-busy"));
    }
    var enhanced = form.hasAttribute("data-enhance") || form.hasAttribute("data-move");
    if (enhanced && form.method.toLowerCase() === "post" && window.fetch) {
      event.preventDefault();
      sendInBackground(form, event.submitter);
    }
  });

  // A file going up: a progress bar in the form, then the page the server answers with.
  function upload(form, submitter) {
    var data = new FormData(form, submitter);
    var bar = document.createElement("p");
    bar.className = "busy";
    bar.setAttribute("role", "status");
    var meter = document.createElement("progress");
    meter.max = 100;
    var label = document.createElement("span");
    var file = form.querySelector("input[type=file]");
    var name = file && file.files.length ? file.files[0].name : "the file";
    label.textContent = "Uploading " + name + "…";
    bar.append(meter, " ", label);
    form.append(bar);
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    var token = document.querySelector("meta[name=csrf-token]");
    if (token) {
      request.setRequestHeader("X-CSRF-Token", token.content);
    }
    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        var percent = Math.round((event.loaded / event.total) * 100);
        meter.value = percent;
        label.textContent = "Uploading " + name + "… " + percent + "%";
      }
    });
    request.upload.addEventListener("load", function () {
      meter.removeAttribute("value");
      label.textContent = "Uploaded; reading " + name + "…";
    });
    request.addEventListener("load", function () {
      buttons.forEach(function (b) { b.disabled = false; });
      bar.remove();
      var type = request.getResponseHeader("Content-Type") || "";
      if (request.status < 400 && type.indexOf("text/html") === 0) {
        swapPage(request.responseText, request.responseURL, true, null);
        return;
      }
      var doc = new DOMParser().parseFromString(request.responseText, "text/html");
      // A page that kept the upload and offers choices to read it again is shown whole.
      if (type.indexOf("text/html") === 0 && doc.querySelector("[data-keeps-upload]")) {
        swapPage(request.responseText, request.responseURL, true, null);
        return;
      }
      var problem = doc.querySelector(".problem");
      showProblem(form, problem ? problem.textContent : "That did not work; please try again.");
    });
    request.addEventListener("error", function () {
      buttons.forEach(function (b) { b.disabled = false; });
      bar.remove();
      showProblem(form, "nextyes did not answer. Is it still running? Nothing was changed.");
    });
    request.send(data);
  }

  // Something that takes a moment (a PDF, a backup): say so until it arrives.
  function showBusy(element, text) {
    var note = document.createElement("p");
    note.className = "busy";
    note.setAttribute("role", "status");
    var meter = document.createElement("progress");
    note.append(meter, " ", text);
    element.after(note);
    setTimeout(function () { note.remove(); }, 8000);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-busy]");
    if (link) {
      showBusy(link, link.getAttribute("data-busy"));
    }
  });

  // A job's page follows it: the bar moves, and the page reloads once it is done.
  function followJob() {
    var job = document.querySelector("[data-job]");
    if (!job || job.hasAttribute("data-finished")) {
      return;
    }
    var id = job.getAttribute("data-job");
    var timer = setInterval(async function () {
      try {
        var response = await fetch("/jobs/" + id + "/status", { credentials: "same-origin" });
        var status = await response.json();
        var bar = document.getElementById("job-progress");
        var text = document.getElementById("job-status");
        if (bar) {
          bar.value = status.percent;
        }
        if (text && !status.finished) {
          text.textContent = status.percent + "% · " + status.read + " messages so far";
        }
        if (status.finished) {
          clearInterval(timer);
          location.reload();
        }
      } catch (error) {
        clearInterval(timer);
      }
    }, 1000);
  }

  window.addEventListener("popstate", function () {
    location.reload();
  });

  // The board: move focus between cards, and move applications, from the keyboard.
  function cardsOf(column) {
    return Array.prototype.slice.call(column.querySelectorAll("[data-card] .card-title"));
  }

  document.addEventListener("keydown", function (event) {
    var link = event.target;
    if (!link.matches || !link.matches("[data-card] .card-title")) {
      return;
    }
    var card = link.closest("[data-card]");
    var column = card.closest(".column");
    var columns = Array.prototype.slice.call(document.querySelectorAll(".board .column"));
    if (event.shiftKey && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
      var form = card.querySelector(event.key === "ArrowRight" ? "form[data-move=next]" : "form[data-move=back]");
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    var cards = cardsOf(column);
    var index = cards.indexOf(link);
    var target = null;
    if (event.key === "ArrowDown") {
      target = cards[index + 1];
    } else if (event.key === "ArrowUp") {
      target = cards[index - 1];
    } else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      var step = event.key === "ArrowRight" ? 1 : -1;
      for (var c = columns.indexOf(column) + step; c >= 0 && c < columns.length; c += step) {
        var others = cardsOf(columns[c]);
        if (others.length) {
          target = others[Math.min(index, others.length - 1)];
          break;
        }
      }
    }
    if (target) {
      event.preventDefault();
      target.focus();
    }
  });

  // Live checks of a draft as it is typed (the server decides what to mark).
  var lintTimer = null;
  document.addEventListener("input", function (event) {
    var source = event.target;
    if (!source.matches || !source.matches("[data-lint-source]")) {
      return;
    }
    clearTimeout(lintTimer);
    lintTimer = setTimeout(async function () {
      var output = document.getElementById(source.getAttribute("data-lint-source"));
      var token = document.querySelector("meta[name=csrf-token]");
      if (!output || !token) {
        return;
      }
      try {
        var response = await fetch(source.getAttribute("data-lint-url"), {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": token.content },
          body: new URLSearchParams({ text: source.value }),
          credentials: "same-origin",
        });
        if (response.ok) {
          output.innerHTML = await response.text();
        }
      } catch (error) {
        // The marks simply stay as they were; the draft itself is unaffected.
      }
    }, 400);
  });

  // "Open it in your mail app" sends the draft as edited, not as first written.
  document.addEventListener("input", function (event) {
    var source = event.target;
    var linkId = source.getAttribute && source.getAttribute("data-mailto-link");
    var link = linkId && document.getElementById(linkId);
    if (!link) {
      return;
    }
    var parts = link.getAttribute("href").split("?");
    var kept = (parts[1] || "").split("&").filter(function (pair) {
      return pair && pair.indexOf("body=") !== 0;
    });
    kept.push("body=" + encodeURIComponent(source.value.replace(/\r?\n/g, "\r\n")));
    link.setAttribute("href", parts[0] + "?" + kept.join("&"));
  });

  // The phone's Menu: without the script it opens as a link target; with it, as a disclosure.
  function enhance() {
    // What only works with the script (keyboard moves, live marks) is said only now.
    document.querySelectorAll("[data-needs-script]").forEach(function (el) {
      el.hidden = false;
    });
    var link = document.querySelector("[data-menu]");
    if (link) {
      link.setAttribute("role", "button");
      link.setAttribute("aria-controls", "menu");
      link.setAttribute("aria-expanded", "false");
    }
  }

  function setMenu(open) {
    var link = document.querySelector("[data-menu]");
    var top = link && link.closest(".top");
    if (!top) {
      return;
    }
    top.classList.toggle("open", open);
    link.setAttribute("aria-expanded", open ? "true" : "false");
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-menu]");
    if (link) {
      event.preventDefault();
      setMenu(link.getAttribute("aria-expanded") !== "true");
      if (link.getAttribute("aria-expanded") === "true") {
        var first = document.querySelector("#menu a");
        if (first) {
          first.focus();
        }
      }
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      var link = document.querySelector("[data-menu][aria-expanded=true]");
      if (link) {
        setMenu(false);
        link.focus();
      }
    }
  });

  // Installed or not, the last dashboard stays readable when nextyes cannot be reached.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () {
      // Without it everything works as before; only the offline copy is missing.
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance();
    focusTarget();
    followJob();
  });
})();
