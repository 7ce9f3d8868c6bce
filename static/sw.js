// Service worker: keeps the inspector's own static files so it loads with
// no network after the first visit. It only ever touches this origin and
// only ever stores the app's files — never anything pasted.
//
// It serves only files whose bytes match the release: the SHA-384 hashes
// come from the index.html it fetched (data-sri, written by
// scripts/build-info.mjs); files are fetched with fetch(url, { integrity })
// and a cached copy is hashed again before it is served. A file whose
// bytes do not match is refused (a network error), never served.
"use strict";

const CACHE = "jwt-inspector";

/** The release's hashes, absolute URL → "sha384-…", from an index.html. */
function releaseOf(html) {
  const hashes = new Map();
  const list = html.match(/\sdata-sri="([^"]*)"/)?.[1].trim().split(/\s+/) ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) hashes.set(new URL(list[i], self.registration.scope).href, list[i + 1]);
  return hashes;
}

let release;
/** The release of the cached index.html (kept in memory while this worker lives). */
async function currentRelease() {
  if (!release) {
    const index = await (await caches.open(CACHE)).match("./");
    release = index ? releaseOf(await index.text()) : new Map();
  }
  return release;
}

/** Whether a response's bytes have the SRI hash `integrity` ("sha384-…"). */
async function matches(response, integrity) {
  const [algorithm, expected] = integrity.split(/-(.*)/s);
  const name = { sha256: "SHA-256", sha384: "SHA-384", sha512: "SHA-512" }[algorithm];
  if (!name) return false;
  const digest = new Uint8Array(await crypto.subtle.digest(name, await response.arrayBuffer()));
  return btoa(String.fromCharCode(...digest)) === expected;
}

/** The file at `url` with the bytes `integrity` names: the cached copy if it
 *  still matches, else the network's (checked by fetch), else an error. */
async function verified(url, integrity) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url);
  if (cached && (await matches(cached.clone(), integrity))) return cached;
  try {
    const response = await fetch(url, { integrity, cache: "no-cache" });
    if (response.ok) await cache.put(url, response.clone());
    return response;
  } catch {
    // Refused by the integrity check, or offline with no good copy.
    return Response.error();
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const index = await fetch("./", { cache: "no-cache" });
      const hashes = releaseOf(await index.clone().text());
      if (!hashes.size) throw new Error("index.html lists no file hashes (data-sri)");
      const cache = await caches.open(CACHE);
      // Every file with its hash; one that does not match fails the install.
      await Promise.all(
        [...hashes].map(async ([url, integrity]) => {
          const response = await fetch(url, { integrity, cache: "no-cache" });
          if (!response.ok) throw new Error(`${url}: ${response.status}`);
          await cache.put(url, response);
        }),
      );
      await cache.put("./", index);
      release = hashes;
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

/** The page: network first (fresh after a release, and its hashes become
 *  the release served), the cached one when offline. */
async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const hashes = releaseOf(await response.clone().text());
      if (hashes.size) {
        release = hashes;
        await (await caches.open(CACHE)).put("./", response.clone());
      }
    }
    return response;
  } catch {
    return (await caches.match("./")) || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
    return;
  }
  url.hash = "";
  event.respondWith(
    (async () => {
      // The page's own hash for this load, else the release's.
      const integrity = request.integrity || (await currentRelease()).get(url.href);
      // A file the release does not list is not the app's: not kept.
      return integrity ? verified(url.href, integrity) : fetch(request);
    })(),
  );
});
