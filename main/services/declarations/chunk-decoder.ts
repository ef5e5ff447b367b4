/**
 * Decodes a byte stream chunk by chunk as UTF-8 (UNOW/UNOY, and what most
 * senders really write even under a UNOC label); if a chunk is not valid UTF-8
 * the rest is read as Windows-1252, the usual superset of UNOC / ISO 8859-1.
 */
import { TextDecoder } from 'node:util';

export class ChunkDecoder {
  private utf8: TextDecoder | null = new TextDecoder('utf-8', { fatal: true });
  private readonly latin = new TextDecoder('windows-1252');

  decode(bytes: Uint8Array, final = false): string {
    if (this.utf8) {
      try {
        return this.utf8.decode(bytes, { stream: !final });
      } catch {
        // An incomplete sequence held back from the previous chunk (≤3 bytes) is lost with the switch.
        this.utf8 = null;
      }
    }
    return this.latin.decode(bytes, { stream: !final });
  }

  get fellBackToLatin(): boolean {
    return this.utf8 === null;
  }
}
