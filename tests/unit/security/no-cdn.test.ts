/**
 * Nothing the app ships reaches for a CDN: no script, wasm, model or font URL on
 * a content-delivery host appears anywhere in the build output (out/), so a
 * library's default (MediaPipe's wasm path, Human's model base path, a web font)
 * cannot slip in. The request filter and the CSP would refuse such a request at
 * run time; this catches it at build time, with the file and the URL.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..', '..');
const out = join(root, 'out');

/** Hosts (and their subdomains) that serve libraries, wasm, models or fonts. */
const CDN_HOSTS = [
  'cdn.jsdelivr.net',
  'fastly.jsdelivr.net',
  'unpkg.com',
  'cdnjs.cloudflare.com',
  'esm.sh',
  'cdn.skypack.dev',
  'jspm.io',
  'jspm.dev',
  'fonts.googleapis.com',
  'fonts.gstatic.com',
  'storage.googleapis.com',
  'tfhub.dev',
  'kaggle.com',
  'huggingface.co',
  'hf.co',
  'github.io',
  'raw.githubusercontent.com',
  'alipayobjects.com',
  'alicdn.com',
  'bootcdn.net',
  'staticfile.org',
  'cdn.bootcss.com',
  'paddle-model-ecology.bj.bcebos.com',
  'bcebos.com',
];

/**
 * Names that look like CDN URLs but are never fetched: ajv's JSON-schema `$id`
 * for $data references (resolved from ajv's bundled copy, in the main process).
 */
const NOT_FETCHED = ['https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json'];

const TEXT_FILES = /\.(js|cjs|mjs|css|html|json|map|txt|svg)$/;

function cdnUrls(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?[^\s"'`)<>]*/gi)) {
    const host = (match[1] ?? '').toLowerCase();
    if (!CDN_HOSTS.some((cdn) => host === cdn || host.endsWith(`.${cdn}`))) continue;
    if (NOT_FETCHED.some((name) => match[0].startsWith(name))) continue;
    found.push(match[0]);
  }
  return found;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('cdnUrls', () => {
  it('finds URLs on CDN hosts, with or without a scheme, and nothing else', () => {
    const text = [
      'wasmPath:"https://cdn.jsdelivr.net/npm/@tensorflow/tfjs-backend-wasm@4.22.0/dist/"',
      "@import url('//fonts.googleapis.com/css2?family=Inter');",
      'modelBasePath:"https://vladmandic.github.io/human-models/models/"',
      'see https://react.dev/errors/418 and http://127.0.0.1:8620',
      '$id:"https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"',
    ].join('\n');
    expect(cdnUrls(text)).toEqual([
      'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs-backend-wasm@4.22.0/dist/',
      '//fonts.googleapis.com/css2?family=Inter',
      'https://vladmandic.github.io/human-models/models/',
    ]);
  });
});

describe('the build output', () => {
  it('names no CDN anywhere (run "npm run build" first)', () => {
    const shipped = (existsSync(out) ? files(out) : []).filter((path) => TEXT_FILES.test(path) && !path.endsWith('.map'));
    expect(shipped.length, `no built files under ${out}: run "npm run build" first`).toBeGreaterThan(10);
    const hits = shipped.flatMap((path) => cdnUrls(readFileSync(path, 'utf8')).map((url) => `${relative(root, path)}: ${url}`));
    expect(hits).toEqual([]);
  });
});
