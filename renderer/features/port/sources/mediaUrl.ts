/**
 * Site files name shipped media relatively (`media/gate-1.webm`); they live at the
 * root of the app's origin whatever route the window shows, so resolve against
 * the origin, not the page. Absolute http(s) URLs (camera bridges) pass through.
 */
export function resolveMediaUrl(url: string, origin: string = window.location.origin): string {
  if (/^https?:\/\//i.test(url)) return url;
  return new URL(url, `${origin}/`).toString();
}

/** Remote media needs CORS for textures and snapshots; same-origin media does not. */
export function isCrossOrigin(url: string, origin: string = window.location.origin): boolean {
  return new URL(resolveMediaUrl(url, origin)).origin !== origin;
}
