// Service worker: keeps the inspector's own static files so it loads with
// no network after the first visit. It only ever touches this origin and
// only ever stores the app's files — never anything pasted.
"use strict";

const CACHE = "jwt-inspector";

/** The same-origin files index.html refers to (hashed by Trunk). */
async function appFiles() {
  const response = await fetch("./", { cache: "no-cache" });
  const html = await response.clone().text();
  const urls = new Set([new URL("boot.js", self.registration.scope).href]);
  for (const match of html.matchAll(/(?:href|src|data-js|data-wasm)="([^"]+)"/g)) {
    const url = new URL(match[1], self.registration.scope);
    if (url.origin === self.location.origin && url.href !== self.registration.scope) urls.add(url.href);
  }
  // addAll refuses duplicates, hence the Set of absolute URLs.
  return { response, urls: [...urls] };
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const { response, urls } = await appFiles();
      await cache.put("./", response);
      await cache.addAll(urls);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The page itself: fresh when online (a new release), cached when not.
    event.respondWith(
      fetch(request)
        .then(async (response) => {
          if (response.ok) await (await caches.open(CACHE)).put("./", response.clone());
          return response;
        })
        .catch(async () => (await caches.match("./")) || Response.error()),
    );
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then(
      (cached) =>
        cached ||
        fetch(request).then(async (response) => {
          if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
          return response;
        }),
    ),
  );
});
