// nextyes's service worker: keeps the last dashboard (with today's agenda) readable when
// nextyes cannot be reached, and says so on the page. Everything else goes to nextyes as usual.
"use strict";

var CACHE = "nextyes-1";
var KEPT_PAGES = ["/"];

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n !== CACHE; }).map(function (n) {
        return caches.delete(n);
      }));
    }).then(function () { return self.clients.claim(); })
  );
});

function kept(request) {
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== "GET") {
    return null;
  }
  if (request.mode === "navigate" && KEPT_PAGES.indexOf(url.pathname) >= 0) {
    return "page";
  }
  if (url.pathname.indexOf("/static/") === 0 || url.pathname.indexOf("/icons/") === 0 ||
      url.pathname.indexOf("/charts/") === 0 || url.pathname === "/manifest.webmanifest") {
    return "file";
  }
  return null;
}

// The page as it was, with its note saying so (the words are in the page, hidden until now).
async function asSaved(response) {
  var text = await response.text();
  var saved = new Date(Number(response.headers.get("X-Nextyes-Saved-At") || Date.now()));
  var when = saved.toLocaleString([], { weekday: "long", hour: "2-digit", minute: "2-digit" });
  text = text.replace('id="offline-note" role="status" hidden', 'id="offline-note" role="status"')
    .replace("<time data-saved></time>", '<time datetime="' + saved.toISOString() + '">' + when + "</time>");
  return new Response(text, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function fromNetworkKeeping(request, kind) {
  var cache = await caches.open(CACHE);
  try {
    var response = await fetch(request);
    if (response.ok) {
      if (kind === "page") {
        var headers = new Headers(response.headers);
        headers.set("X-Nextyes-Saved-At", String(Date.now()));
        var body = await response.clone().arrayBuffer();
        await cache.put(request.url, new Response(body, { status: 200, headers: headers }));
      } else {
        await cache.put(request, response.clone());
      }
    }
    return response;
  } catch (error) {
    var copy = await cache.match(kind === "page" ? request.url : request);
    if (!copy) {
      throw error;
    }
    return kind === "page" ? asSaved(copy) : copy;
  }
}

self.addEventListener("fetch", function (event) {
  var kind = kept(event.request);
  if (kind) {
    event.respondWith(fromNetworkKeeping(event.request, kind));
  }
});
