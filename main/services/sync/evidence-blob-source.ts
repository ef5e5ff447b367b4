import type { EvidenceStore } from '../evidence/evidence-store';
import type { BlobSource } from './sync-engine';

/** The evidence store (content-addressed files under <dataDir>/evidence) as the sync engine's blob source. */
export function evidenceBlobSource(evidence: EvidenceStore): BlobSource {
  return {
    async read(sha256) {
      if ((await evidence.check(sha256)).state !== 'ok') return null; // missing or altered: never upload wrong bytes
      return (await evidence.read(sha256, 0, Number.MAX_SAFE_INTEGER)).bytes;
    },
    async has(sha256) {
      return (await evidence.check(sha256)).state === 'ok';
    },
    async put(bytes) {
      await evidence.put(bytes);
    },
  };
}
