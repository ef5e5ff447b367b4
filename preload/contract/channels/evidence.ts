/**
 * Evidence: files and camera snapshots taken in as evidence (hashed with SHA-256 at
 * intake), added to cases, read back and transferred with a chain of custody.
 */
import { CaseDetail } from '../schemas/cases';
import {
  AddEvidenceInput,
  AddSnapshotInput,
  EvidenceItem,
  EvidenceThumbnail,
  ReadEvidenceInput,
  ThumbnailInput,
  TransferInput,
} from '../schemas/evidence';
import { FileChunk } from '../schemas/upload';
import { SavedSnapshot, SnapshotInput } from '../schemas/evidence';
import { UploadChunkInput, UploadChunkOutput } from '../schemas/upload';
import { channel } from '../channel';

export const evidenceChannels = {
  /** One chunk of a file or camera snapshot too large for one message; then cw:evidence.add or cw:evidence.saveSnapshot with its uploadId. */
  'cw:evidence.uploadChunk': channel({ input: UploadChunkInput, output: UploadChunkOutput, access: 'evidence.add' }),
  'cw:evidence.add': channel({ input: AddEvidenceInput, output: EvidenceItem, access: 'evidence.add' }),
  /** Adds a camera snapshot saved by the port view (cw:evidence.saveSnapshot) to a case. */
  'cw:evidence.addSnapshot': channel({ input: AddSnapshotInput, output: EvidenceItem, access: 'evidence.add' }),
  /** Reads the evidence file itself; every read is a custody entry ("viewed") and audited. */
  'cw:evidence.read': channel({ input: ReadEvidenceInput, output: FileChunk, access: 'evidence.read' }),
  /** A small JPEG of image evidence (null for other files): what lists show, without a custody entry. */
  'cw:evidence.thumbnail': channel({ input: ThumbnailInput, output: EvidenceThumbnail.nullable(), access: 'evidence.read' }),
  'cw:evidence.transfer': channel({ input: TransferInput, output: CaseDetail, access: 'evidence.transfer' }),
  /** Saves a camera frame as evidence: <dataDir>/evidence/<sha256>.png with a JSON sidecar; audited. */
  'cw:evidence.saveSnapshot': channel({ input: SnapshotInput, output: SavedSnapshot, access: 'evidence.add' }),
} as const;
