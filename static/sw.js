// Service worker: keeps the inspector's own static files so it loads with
// no network after the first visit. It only ever touches this origin and
// only ever stores the app's files — never anything pasted.
"use strict";

const CACHE = "jwt-inspector";
/** Trunk's content hash in a file name: such files never change. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/;

/** The same-origin files index.html refers to or lists for precaching. */
async function appFiles() {
  const response = await fetch("./", { cache: "no-cache" });
  const html = await response.clone().text();
  const urls = new Set();
  const add = (path) => {
    const url = new URL(path, self.registration.scope);
    if (url.origin === self.location.origin && url.href !== self.registration.scope) urls.add(url.href);
  };
  // Attribute values quoted or not (the release HTML is minified).
  const value = '(?:"([^"]+)"|([^\\s">]+))';
  for (const match of html.matchAll(new RegExp(`(?:href|src|data-js|data-wasm|data-worker)=${value}`, "g"))) add(match[1] ?? match[2]);
  for (const match of html.matchAll(new RegExp(`data-precache=${value}`, "g"))) (match[1] ?? match[2]).split(/\s+/).forEach(add);
  add("./boot.js");
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

/** Network first (fresh after a release), the cache when offline. */
async function networkFirst(request, key) {
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(CACHE)).put(key, response.clone());
    return response;
  } catch {
    return (await caches.match(key, { ignoreSearch: true })) || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, "./"));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request).then((cached) => cached || networkFirst(request, request)));
  } else {
    event.respondWith(networkFirst(request, request));
  }
});
