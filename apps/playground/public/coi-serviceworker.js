/*
 * coi-serviceworker for the Stepwise Playground: cross-origin isolation on static hosts that cannot set
 * headers (GitHub Pages, a plain file server). Written for Stepwise after the well-known approach of
 * gzuidhof/coi-serviceworker (MIT).
 *
 * The wasm backend's threads share a SharedArrayBuffer, which browsers only allow on a cross-origin
 * isolated page: the page must be served with
 *   Cross-Origin-Opener-Policy: same-origin
 *   Cross-Origin-Embedder-Policy: require-corp
 * Loaded as a page script, this file registers itself as the page's service worker and reloads the page
 * once; from then on the service worker answers every same-origin request with those two headers added
 * (and Cross-Origin-Resource-Policy, so the page's own files pass the embedder policy). When the server
 * already sends the headers, or the browser has no service workers (or blocks them), it does nothing and
 * the playground falls back to one thread, saying so.
 */
if (typeof window === "undefined") {
  // The service worker.
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
  self.addEventListener("fetch", (event) => {
    const request = event.request;
    // Chrome bug: "only-if-cached" requests outside same-origin mode throw; let the browser handle them.
    if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
    event.respondWith(
      fetch(request).then((response) => {
        if (response.status === 0) return response; // opaque: nothing to add
        const headers = new Headers(response.headers);
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Embedder-Policy", "require-corp");
        headers.set("Cross-Origin-Resource-Policy", "cross-origin");
        return new Response(response.body, {
          status: response.status,
          statusText: response.statusText,
          headers,
        });
      }),
    );
  });
} else if (!window.crossOriginIsolated && window.isSecureContext && "serviceWorker" in navigator) {
  // The page. Reload at most once per tab, so a browser that refuses isolation cannot loop.
  const key = "stepwise-coi-reloaded";
  const script = document.currentScript;
  navigator.serviceWorker.register(script ? script.src : "coi-serviceworker.js").then(
    (registration) => {
      if (sessionStorage.getItem(key) === "1") return;
      const reload = () => {
        sessionStorage.setItem(key, "1");
        window.location.reload();
      };
      if (registration.active && !navigator.serviceWorker.controller) reload();
      else
        registration.addEventListener("updatefound", () => {
          registration.installing?.addEventListener("statechange", (e) => {
            if (e.target.state === "activated") reload();
          });
        });
    },
    (error) => console.warn("Stepwise: the cross-origin isolation service worker did not register:", error),
  );
}
