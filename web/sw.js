"use strict";
// KefuScore's service worker: after one visit the page opens and works without a network.
// scripts/make_sw.py writes dist/sw.js from this file, filling VERSION (a hash of the files' bytes)
// and FILES (every file of dist/ the page loads), so any change to the page makes a new worker.
// A new worker waits until the page's "new version" notice is clicked (message "skip-waiting"),
// then the page reloads onto it; old caches are deleted when it takes over.
const VERSION = "@KEFU_SW_VERSION@";
const FILES = /* @KEFU_SW_FILES@ */ [];
const CACHE = "kefuscore-" + VERSION;

self.addEventListener("install", (event) => {
  // cache: "reload" bypasses the HTTP cache, so the new version's bytes are the ones kept.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("kefuscore-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
  if (event.data && event.data.type === "version" && event.source) event.source.postMessage({ type: "version", version: VERSION });
});

// Cache first: the page's files come from this version's cache (the ?v= query the page adds is
// ignored: the cache is per version already); a navigation gets the cached index.html. Anything
// else goes to the network.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then((cache) =>
    cache.match(request.mode === "navigate" ? "index.html" : request, { ignoreSearch: true })
      .then((hit) => hit || fetch(request))));
});
