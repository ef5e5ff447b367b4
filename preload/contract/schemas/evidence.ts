/** Evidence: intake, camera snapshots, reads and the chain of custody (pure zod; the renderer imports it too). */
import { z } from 'zod';
import { Id, IsoTime, Person, Sha256, Text } from './common';
import { SiteId } from './site';
import { UploadId } from './upload';

export const CustodyAction = z.enum(['intake', 'viewed', 'exported', 'transferred', 'verified', 'verify-failed']);
export type CustodyAction = z.infer<typeof CustodyAction>;

export const CustodyEntry = z.object({
  id: Id,
  evidenceId: Id,
  at: IsoTime,
  by: Person,
  action: CustodyAction,
  reason: z.string(),
  /** For transfers: who or where the item went. */
  to: z.string().nullable(),
});
export type CustodyEntry = z.infer<typeof CustodyEntry>;

/** ok: bytes on disk hash to the intake SHA-256; mismatch: they do not; missing: the file is gone. */
export const VerifyState = z.enum(['ok', 'mismatch', 'missing']);
export type VerifyState = z.infer<typeof VerifyState>;

export const EvidenceItem = z.object({
  id: Id,
  sha256: Sha256,
  fileName: z.string(),
  mediaType: z.string(),
  bytes: z.number().int().min(0),
  source: z.enum(['file', 'camera']),
  sourceRef: z.string().nullable(),
  addedAt: IsoTime,
  by: Person,
  verify: z.object({ state: VerifyState, at: IsoTime, found: z.string().nullable() }),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const AddEvidenceInput = z.object({
  caseId: Id,
  fileName: Text(255),
  mediaType: z.string().trim().min(1).max(127),
  /** The finished upload holding the file's bytes (cw:evidence.uploadChunk). */
  uploadId: UploadId,
  /** What the sender computed; intake refuses the file when the bytes that arrived differ. */
  sha256: Sha256.optional(),
});

export const AddSnapshotInput = z.object({ caseId: Id, sha256: Sha256 });

export const ReadEvidenceInput = z.object({
  caseId: Id,
  evidenceId: Id,
  /** A read starts at 0, where it is recorded in the chain of custody, and goes on in order. */
  offset: z.number().int().min(0).default(0),
});

export const ThumbnailInput = z.object({ caseId: Id, evidenceId: Id });

/** A small JPEG of image evidence, made by the services so lists never read evidence files. */
export const EvidenceThumbnail = z.object({
  mediaType: z.literal('image/jpeg'),
  base64: z.string(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type EvidenceThumbnail = z.infer<typeof EvidenceThumbnail>;

export const TransferInput = z.object({ caseId: Id, evidenceId: Id, to: Text(200), reason: Text(500) });

export const SnapshotInput = z
  .object({
    cameraId: SiteId,
    takenAt: IsoTime,
    /** The PNG itself when it fits one message (≤ 900 KB of base64)… */
    pngBase64: z
      .string()
      .max(900_000, 'must be at most 900000 characters; send larger images with cw:evidence.uploadChunk')
      .optional(),
    /** …or the id of an upload sent in chunks with cw:evidence.uploadChunk. */
    uploadId: z.uuid({ error: 'must be a UUID' }).optional(),
  })
  .refine((input) => (input.pngBase64 === undefined) !== (input.uploadId === undefined), {
    message: 'give exactly one of pngBase64 or uploadId',
  });
export type SnapshotInput = z.infer<typeof SnapshotInput>;

export const SavedSnapshot = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Absolute path of the PNG on this workstation. */
  path: z.string(),
  bytes: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type SavedSnapshot = z.infer<typeof SavedSnapshot>;
