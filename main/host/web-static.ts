/**
 * Static files for the web host: maps a request path to a file inside the built
 * renderer, refusing anything that resolves (or links) outside it, and names its
 * content type. The SPA fallback sends unknown extension-less paths to index.html.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.y4m': 'video/x-yuv4mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; path: string; size: number; contentType: string }
  | { kind: 'forbidden' }
  | { kind: 'bad-request' }
  | { kind: 'not-found' };

/**
 * `root` must already be a real path (see `realpath`), so symlinks inside the
 * renderer that point elsewhere are caught by the second containment check.
 */
export async function lookupStatic(root: string, rawPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0')) return { kind: 'bad-request' };

  // Resolve as-is, then check containment: this catches `..`, `%2e%2e`, `%2f` and `\`.
  const target = resolve(root, `.${sep}${decoded}`);
  if (!isInside(root, target)) return { kind: 'forbidden' };

  const direct = await fileAt(root, target);
  if (direct) return direct;
  const asDirIndex = await fileAt(root, resolve(target, 'index.html'));
  if (asDirIndex) return asDirIndex;

  // Client-side routes (/queue, /cases/42) have no extension; missing assets do.
  if (extname(decoded) === '') {
    const index = await fileAt(root, resolve(root, 'index.html'));
    if (index) return index;
  }
  return { kind: 'not-found' };
}

async function fileAt(root: string, path: string): Promise<StaticLookup | null> {
  try {
    const real = await realpath(path);
    if (!isInside(root, real)) return { kind: 'forbidden' };
    const info = await stat(real);
    if (!info.isFile()) return null;
    return { kind: 'file', path: real, size: info.size, contentType: contentTypeFor(real) };
  } catch {
    return null;
  }
}

export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
