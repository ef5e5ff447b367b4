/**
 * Decodes a byte stream chunk by chunk as UTF-8 (UNOW/UNOY, and what most
 * senders really write even under a UNOC label); if a chunk is not valid UTF-8
 * the rest is read as Windows-1252, the usual superset of UNOC / ISO 8859-1.
 * A stream that starts with a UTF-16 byte order mark (XML allows UTF-16, with
 * its mark) is read as UTF-16 throughout.
 */
import { TextDecoder } from 'node:util';

const NOTHING = new Uint8Array(0);

export class ChunkDecoder {
  private utf8: TextDecoder | null = new TextDecoder('utf-8', { fatal: true });
  private readonly latin = new TextDecoder('windows-1252');
  /** The bytes of an unfinished UTF-8 sequence the decoder holds back at a chunk's end. */
  private held: Uint8Array = NOTHING;
  private utf16: TextDecoder | null = null;
  /** The first bytes, until there are two to look for a UTF-16 byte order mark in; null once decided. */
  private start: Uint8Array | null = NOTHING;

  decode(chunk: Uint8Array, final = false): string {
    let bytes = chunk;
    if (this.start) {
      bytes = this.start.length > 0 ? join(this.start, chunk) : chunk;
      if (bytes.length < 2 && !final) {
        this.start = bytes.slice(); // the caller reuses its buffer for the next chunk
        return '';
      }
      this.start = null;
      const utf16 = utf16ByteOrder(bytes);
      if (utf16) {
        this.utf8 = null;
        this.utf16 = new TextDecoder(utf16);
      }
    }
    if (this.utf16) return this.utf16.decode(bytes, { stream: !final });
    if (this.utf8) {
      try {
        const text = this.utf8.decode(bytes, { stream: !final });
        this.held = final ? NOTHING : unfinishedUtf8Tail(bytes.length >= 3 ? bytes : join(this.held, bytes));
        return text;
      } catch {
        // The held-back bytes belong to this text too: decode them with the chunk, not drop them.
        this.utf8 = null;
        const held = this.held;
        this.held = NOTHING;
        return this.decodeLatin(held.length > 0 ? join(held, bytes) : bytes);
      }
    }
    return this.decodeLatin(bytes);
  }

  /**
   * Always as a stream: Node 20's one-shot windows-1252 decode reads 0x80–0x9F as
   * C1 controls (ISO 8859-1) instead of "€", "“", "”"…, which the streaming decoder
   * gets right. A single-byte encoding never holds bytes back, so nothing is left to flush.
   */
  private decodeLatin(bytes: Uint8Array): string {
    return this.latin.decode(bytes, { stream: true });
  }

  get fellBackToLatin(): boolean {
    return this.utf8 === null && this.utf16 === null;
  }
}

/** The last 1–3 bytes when they start a UTF-8 sequence that the bytes do not finish, else nothing. */
export function unfinishedUtf8Tail(bytes: Uint8Array): Uint8Array {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    if (byte < 0xc0) return NOTHING; // ASCII: nothing is unfinished
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return bytes.length - i < length ? bytes.slice(i) : NOTHING;
  }
  return NOTHING;
}

function utf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
