import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryFromContentType, MjpegParser, MjpegStreamError } from '../../../renderer/features/port/sources/mjpegParser';

const enc = new TextEncoder();

/** A fake JPEG: SOI, some payload (never FF D9 inside), EOI. */
function jpeg(seed: number, size = 40): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  for (let i = 2; i < size - 2; i++) bytes[i] = (seed * 31 + i * 7) % 0xfe;
  bytes[size - 2] = 0xff;
  bytes[size - 1] = 0xd9;
  return bytes;
}

function concat(...parts: (Uint8Array | string)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

function multipart(images: Uint8Array[], options: { boundary: string; withLength: boolean; newline?: string }): Uint8Array {
  const nl = options.newline ?? '\r\n';
  const parts = images.flatMap((image) => [
    `--${options.boundary}${nl}Content-Type: image/jpeg${nl}${options.withLength ? `Content-Length: ${image.length}${nl}` : ''}${nl}`,
    image,
    nl,
  ]);
  return concat(...parts);
}

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.max(0, Math.min(bytes.length, c))))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.subarray(prev, p));
    prev = p;
  }
  return chunks;
}

function feed(parser: MjpegParser, chunks: Uint8Array[]): Uint8Array[] {
  return chunks.flatMap((chunk) => parser.push(chunk));
}

describe('boundaryFromContentType', () => {
  it('reads plain, quoted and dash-prefixed boundaries', () => {
    expect(boundaryFromContentType('multipart/x-mixed-replace; boundary=frame')).toBe('frame');
    expect(boundaryFromContentType('multipart/x-mixed-replace;boundary="my frame"')).toBe('my frame');
    expect(boundaryFromContentType('multipart/x-mixed-replace; boundary=--myboundary')).toBe('myboundary');
  });
  it('gives null without a boundary', () => {
    expect(boundaryFromContentType('image/jpeg')).toBeNull();
    expect(boundaryFromContentType(null)).toBeNull();
    expect(boundaryFromContentType('multipart/x-mixed-replace; boundary=')).toBeNull();
  });
});

describe('MjpegParser', () => {
  const images: [Uint8Array, Uint8Array, Uint8Array] = [jpeg(1), jpeg(2, 100), jpeg(3, 7)];

  it('cuts parts with Content-Length', () => {
    const out = feed(new MjpegParser('frame'), [multipart(images, { boundary: 'frame', withLength: true })]);
    expect(out).toEqual(images);
  });

  it('cuts parts without Content-Length at the next boundary', () => {
    const stream = concat(multipart(images, { boundary: 'frame', withLength: false }), '--frame\r\n');
    expect(feed(new MjpegParser('frame'), [stream])).toEqual(images);
  });

  it('holds back the last part without Content-Length until its end is known', () => {
    const parser = new MjpegParser('frame');
    expect(parser.push(multipart([images[0]], { boundary: 'frame', withLength: false }))).toEqual([]);
    expect(parser.push(enc.encode('--frame\r\n'))).toEqual([images[0]]);
  });

  it('accepts bare LF line ends', () => {
    const out = feed(new MjpegParser('b'), [multipart(images, { boundary: 'b', withLength: true, newline: '\n' })]);
    expect(out).toEqual(images);
  });

  it('delivers every image one byte at a time', () => {
    const stream = multipart(images, { boundary: 'frame', withLength: true });
    const bytes = Array.from(stream, (b) => Uint8Array.of(b));
    expect(feed(new MjpegParser('frame'), bytes)).toEqual(images);
  });

  it('splits a boundary across chunks', () => {
    const stream = concat(multipart(images, { boundary: 'myboundary', withLength: false }), '--myboundary\r\n');
    const text = new TextDecoder('latin1').decode(stream);
    const second = text.indexOf('--myboundary', 5);
    // Cut in the middle of the delimiter, and in the middle of the header block.
    const chunks = splitAt(stream, [second + 4, second + 20, text.indexOf('\r\n\r\n', second) + 2]);
    expect(feed(new MjpegParser('myboundary'), chunks)).toEqual(images);
  });

  it('finds images by JPEG markers when there is no boundary', () => {
    const stream = concat('junk', images[0], '\r\n--x\r\n', images[1], images[2]);
    const chunks = splitAt(stream, [5, 44, 45, 46, 120]);
    expect(feed(new MjpegParser(null), chunks)).toEqual(images);
  });

  it('ignores preamble before the first boundary and stops at the closing one', () => {
    const stream = concat('preamble text\r\n', multipart([images[0]], { boundary: 'f', withLength: true }), '--f--\r\n');
    expect(feed(new MjpegParser('f'), [stream])).toEqual([images[0]]);
  });

  it('refuses to buffer an endless part', () => {
    const parser = new MjpegParser('frame');
    parser.push(enc.encode('--frame\r\nContent-Type: image/jpeg\r\n\r\n'));
    const big = new Uint8Array(8 * 1024 * 1024);
    parser.push(big);
    parser.push(big);
    expect(() => parser.push(Uint8Array.of(0))).toThrow(MjpegStreamError);
  });

  it('gives the same images however the stream is chunked (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 6, max: 300 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (sizes, withLength, cuts) => {
          const expected = sizes.map((size, i) => jpeg(i + 1, size));
          const stream = concat(multipart(expected, { boundary: 'cw-frame', withLength }), '--cw-frame\r\n');
          const chunks = splitAt(
            stream,
            cuts.map((c) => c % (stream.length + 1)),
          );
          expect(feed(new MjpegParser('cw-frame'), chunks)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
