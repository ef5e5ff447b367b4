import { createHash } from 'node:crypto';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { User } from '../../../preload/contract/schemas/auth';
import type { AuditChain } from '../audit/audit-chain';
import type { CaseService } from '../cases/case-service';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { EvidenceStore } from '../evidence/evidence-store';
import { renderCaseReport } from './case-report';

const DRAWABLE = new Set(['image/png', 'image/jpeg']);
/** Larger photos are listed with their hash but not drawn (the report stays a reasonable size). */
const MAX_THUMBNAIL_SOURCE_BYTES = 25 * 1024 * 1024;
const READ_CHUNK = 512 * 1024;

/** Case reports as PDF files in <dataDir>/reports/, read back in chunks for download. */
export class ReportService {
  constructor(
    private readonly options: { dataDir: string; clock: Clock; cases: CaseService; evidence: EvidenceStore; audit: AuditChain },
  ) {}

  get dir(): string {
    return join(this.options.dataDir, 'reports');
  }

  async exportCase(user: User, caseId: string) {
    const detail = await this.options.cases.get(user, caseId);
    const images = new Map<string, Buffer>();
    for (const e of detail.evidence) {
      if (!DRAWABLE.has(e.mediaType) || e.verify.state !== 'ok' || e.bytes > MAX_THUMBNAIL_SOURCE_BYTES) continue;
      images.set(e.id, (await this.options.evidence.read(e.sha256, 0, e.bytes)).bytes);
    }
    const chain = await this.options.audit.verify();
    const generatedAt = this.options.clock.now();
    const pdf = await renderCaseReport({
      case: detail,
      images,
      chain: { head: chain.head, ok: chain.ok, brokenAt: chain.broken?.seq ?? null, keyId: chain.keyId },
      generatedAt,
      generatedBy: user.displayName,
    });
    await mkdir(this.dir, { recursive: true });
    const fileName = `case-${detail.ref}-${generatedAt
      .toISOString()
      .replace(/[-:.TZ]/g, '')
      .slice(0, 14)}.pdf`;
    await writeFile(join(this.dir, fileName), pdf, { mode: 0o600 });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await this.options.cases.recordExport(user, await this.options.cases.stored(caseId), fileName, sha256);
    return { fileName, bytes: pdf.length, sha256, createdAt: generatedAt.toISOString() };
  }

  /** fileName is validated by the contract (case-….pdf), so it cannot leave the reports folder. */
  async read(fileName: string, offset: number) {
    const handle = await open(join(this.dir, fileName), 'r').catch(() => {
      throw new ServiceError('NOT_FOUND', `No report ${fileName} in ${this.dir}; export it again`);
    });
    try {
      const total = (await handle.stat()).size;
      const size = Math.max(0, Math.min(READ_CHUNK, total - offset));
      const buffer = Buffer.alloc(size);
      if (size > 0) await handle.read(buffer, 0, size, offset);
      return { base64: buffer.toString('base64'), offset, total, mediaType: 'application/pdf' };
    } finally {
      await handle.close();
    }
  }
}
