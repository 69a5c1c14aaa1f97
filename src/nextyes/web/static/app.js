// nextyes: a small script that makes the pages nicer. Every page works without it.
//
// - Forms marked data-enhance are sent in the background: a problem shows next to the form,
//   keeping what you typed; on success the next page replaces this one.
// - Forms marked data-confirm ask first.
// - On the board, arrow keys move between cards; Shift+Right moves an application on to its
//   next stage and Shift+Left undoes a stage recorded by mistake.
// - Anything marked data-lint-source is checked as you type (the feedback-request draft).
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
    var enhanced = form.hasAttribute("data-enhance") || form.hasAttribute("data-move");
    if (enhanced && form.method.toLowerCase() === "post" && window.fetch) {
      event.preventDefault();
      sendInBackground(form, event.submitter);
    }
  });

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

  document.addEventListener("DOMContentLoaded", function () {
    enhance();
    focusTarget();
  });
})();
