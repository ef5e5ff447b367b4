import PDFDocument from 'pdfkit';
import type { CaseDetail } from '../../../preload/contract/schemas/cases';
import type { EvidenceItem } from '../../../preload/contract/schemas/evidence';
import type { ChainHead } from '../audit/audit-verify';
import { findCjkFont } from './report-fonts';

export interface CaseReportInput {
  case: CaseDetail;
  /** Bytes of image evidence (PNG/JPEG) by evidence id, for thumbnails. */
  images: ReadonlyMap<string, Buffer>;
  chain: { head: ChainHead | null; ok: boolean; brokenAt: number | null; keyId: string };
  generatedAt: Date;
  generatedBy: string;
}

const MARGIN = 48;
/** Room below the text block for the page footer. */
const FOOTER_SPACE = 28;
const MONO = 'Courier';
const INK = '#111111';
const MUTED = '#555555';
const RULE = '#999999';
const ALARM = '#b00020';
const THUMB = { width: 96, height: 72 };
/** Fits "2026-11-25 09:00:00 UTC" on one line at 8.5 pt. */
const WHEN = 108;

/** A report is read outside the workstation (a court, a hub auditor): times are spelled out in UTC. */
export function reportTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const VERIFY_WORD: Record<EvidenceItem['verify']['state'], string> = {
  ok: 'Hash verified',
  mismatch: 'HASH MISMATCH',
  missing: 'FILE MISSING',
};

/** The case report: the case, findings, seizures, evidence with thumbnails and SHA-256, custody, and the audit chain head. */
export function renderCaseReport(input: CaseReportInput): Promise<Buffer> {
  const c = input.case;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    // Pages stay in memory until the end so every footer can say "page n of m".
    bufferPages: true,
    info: { Title: `Case ${c.ref}`, Author: input.generatedBy, Creator: 'Clearway', CreationDate: input.generatedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const cjk = findCjkFont();
  if (cjk) doc.registerFont('body', cjk.path, cjk.family);
  const body = cjk ? 'body' : 'Helvetica';
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const ensureRoom = (points: number) => {
    if (doc.y + points > bottom()) doc.addPage();
  };
  const heading = (text: string) => {
    // A heading never ends a page on its own: keep room for a table's header and first row.
    ensureRoom(96);
    doc.x = MARGIN;
    doc.moveDown(0.9).font(body).fontSize(12).fillColor(INK).text(text, MARGIN, doc.y, { width });
    const y = doc.y + 1;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + 5;
    doc.font(body).fontSize(9).fillColor(INK);
  };
  const fields = (pairs: readonly (readonly [string, string])[]) => {
    const labelWidth = 96;
    for (const [label, value] of pairs) {
      const top = doc.y;
      doc.font(body).fontSize(9).fillColor(MUTED).text(label, MARGIN, top, { width: labelWidth });
      const afterLabel = doc.y;
      doc.fillColor(INK).text(value, MARGIN + labelWidth, top, { width: width - labelWidth });
      doc.y = Math.max(doc.y, afterLabel);
    }
    doc.x = MARGIN;
  };
  const none = (what: string) =>
    doc.font(body).fontSize(9).fillColor(MUTED).text(`No ${what} recorded.`, MARGIN, doc.y, { width }).fillColor(INK);
  /** A hash on its own line in a fixed-width face, wrapped within the given width. */
  const hash = (value: string, x: number, w: number, color = INK) => {
    doc.font(MONO).fontSize(8).fillColor(color).text(value, x, doc.y, { width: w, lineGap: 1 });
    doc.font(body).fontSize(9).fillColor(INK);
  };
  const table = (
    headers: readonly string[],
    columns: readonly (number | '*')[],
    rows: readonly (readonly string[])[],
    rightAligned: readonly number[] = [],
  ) => {
    doc.font(body).fontSize(8.5).fillColor(INK);
    doc.x = MARGIN;
    doc.table({
      position: { x: MARGIN, y: doc.y },
      maxWidth: width,
      columnStyles: columns.map((w, i) => ({ width: w, align: { x: rightAligned.includes(i) ? 'right' : 'left', y: 'top' } })),
      defaultStyle: { border: { top: 0, left: 0, right: 0, bottom: 0.5 }, borderColor: '#cccccc', padding: [3, 4, 3, 4] },
      data: [
        headers.map((text) => ({ text, type: 'TH' as const, backgroundColor: '#eeeeee', textColor: '#333333' })),
        ...rows.map((r) => [...r]),
      ],
    });
    doc.x = MARGIN;
  };

  // Title block.
  doc.font(body).fontSize(8).fillColor(MUTED).text('CLEARWAY CASE REPORT', MARGIN, MARGIN, { width, characterSpacing: 1 });
  doc.moveDown(0.2).fontSize(18).fillColor(INK).text(`Case ${c.ref}`, { width });
  doc.fontSize(11).text(c.title, { width });
  doc.moveDown(0.6);
  fields([
    ['Status', c.status.replaceAll('_', ' ')],
    ['Subject', `${c.subject.kind} ${c.subject.ref}${c.subject.label ? ` (${c.subject.label})` : ''}`],
    ['Opened', `${reportTime(c.openedAt)} by ${c.openedBy.name}`],
    ['Assignee', c.assignee?.name ?? 'unassigned'],
    ...(c.closedAt
      ? [
          [
            'Closed',
            `${reportTime(c.closedAt)} by ${c.closedBy?.name ?? 'unknown (closed on a workstation before closers were kept)'}`,
          ] as const,
        ]
      : []),
    ['Report generated', `${reportTime(input.generatedAt.toISOString())} by ${input.generatedBy}`],
  ]);

  heading('Findings');
  if (c.findings.length === 0) none('findings');
  else
    table(
      ['When', 'Category', 'Finding', 'By'],
      [WHEN, 70, '*', 90],
      c.findings.map((f) => [reportTime(f.at), f.category, f.text, f.by.name]),
    );

  heading('Seizures');
  if (c.seizures.length === 0) none('seizures');
  else {
    table(
      ['Item', 'Quantity', 'Value', 'Location', 'Recorded'],
      ['*', 64, 90, 96, WHEN + 14],
      c.seizures.map((s) => [
        s.item,
        `${s.quantity} ${s.unit}`,
        `${s.value.amount.toFixed(2)} ${s.value.currency}`,
        s.location,
        `${reportTime(s.at)}\n${s.by.name}`,
      ]),
      [1, 2],
    );
  }

  heading(`Evidence (${c.evidence.length})`);
  if (c.evidence.length === 0) none('evidence');
  for (const e of c.evidence) {
    ensureRoom(THUMB.height + 24);
    const top = doc.y;
    const image = input.images.get(e.id);
    let textX = MARGIN;
    if (image) {
      try {
        doc.image(image, MARGIN, top, { fit: [THUMB.width, THUMB.height], align: 'center', valign: 'center' });
        doc.rect(MARGIN, top, THUMB.width, THUMB.height).lineWidth(0.5).strokeColor('#cccccc').stroke();
        textX = MARGIN + THUMB.width + 10;
      } catch {
        // Not an image pdfkit can draw (e.g. a truncated file): the hash and state still say what it is.
      }
    }
    const textWidth = width - (textX - MARGIN);
    doc.y = top;
    doc.font(body).fontSize(9.5).fillColor(INK).text(e.fileName, textX, top, { width: textWidth });
    doc
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(
        `${e.mediaType} · ${e.bytes.toLocaleString('en-US')} bytes · ${e.source}${e.sourceRef ? ` ${e.sourceRef}` : ''} · added ${reportTime(e.addedAt)} by ${e.by.name}`,
        textX,
        doc.y,
        { width: textWidth },
      );
    const failed = e.verify.state !== 'ok';
    doc
      .fontSize(9)
      .fillColor(failed ? ALARM : INK)
      .text(VERIFY_WORD[e.verify.state], textX, doc.y, { width: textWidth, continued: true });
    doc.fillColor(MUTED).text(` (checked ${reportTime(e.verify.at)})`);
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text('SHA-256 at intake', textX, doc.y + 2, { width: textWidth });
    hash(e.sha256, textX, textWidth);
    if (e.verify.state === 'mismatch' && e.verify.found) {
      doc
        .fillColor(ALARM)
        .fontSize(8)
        .text('SHA-256 of the file on disk now', textX, doc.y + 1, { width: textWidth });
      hash(e.verify.found, textX, textWidth, ALARM);
    }
    doc.x = MARGIN;
    doc.y = Math.max(doc.y, top + (textX > MARGIN ? THUMB.height : 0)) + 10;
  }

  heading('Chain of custody');
  if (c.custody.length === 0) none('custody entries');
  else {
    const names = new Map(c.evidence.map((e) => [e.id, e.fileName]));
    table(
      ['When', 'Action', 'Item', 'By', 'Why'],
      [WHEN, 62, 110, 80, '*'],
      c.custody.map((k) => [
        reportTime(k.at),
        k.action,
        names.get(k.evidenceId) ?? k.evidenceId,
        k.by.name,
        k.to ? `${k.reason} → ${k.to}` : k.reason,
      ]),
    );
  }

  if (c.notes.length > 0) {
    heading('Notes');
    table(
      ['When', 'By', 'Note'],
      [WHEN, 90, '*'],
      c.notes.map((n) => [reportTime(n.at), n.by.name, n.text]),
    );
  }
  if (c.tasks.length > 0) {
    heading('Tasks');
    table(
      ['State', 'Task', 'Due', 'Created'],
      [44, '*', WHEN, WHEN + 14],
      c.tasks.map((t) => [
        t.done ? 'done' : 'open',
        t.title,
        t.due ? reportTime(t.due) : '—',
        `${reportTime(t.createdAt)}\n${t.by.name}`,
      ]),
    );
  }
  if (c.links.length > 0) {
    heading('Links');
    table(
      ['Kind', 'Reference', 'Label'],
      [92, 160, '*'],
      c.links.map((l) => [l.kind, l.ref, l.label ?? '']),
    );
  }

  heading('Audit chain head');
  const head = input.chain.head;
  const chainState = input.chain.ok ? 'verified' : `BROKEN at entry ${input.chain.brokenAt ?? '?'}`;
  fields([
    ['State', chainState],
    ['Installation key', input.chain.keyId],
    ...(head ? [['Head entry', `seq ${head.seq} at ${reportTime(head.at)}`] as const] : []),
  ]);
  if (head) {
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text('Head hash (SHA-256)', MARGIN, doc.y + 2, { width });
    hash(head.hash, MARGIN, width);
  }

  writeFooters(doc, body, `Case ${c.ref} · generated ${reportTime(input.generatedAt.toISOString())} by ${input.generatedBy}`);
  doc.end();
  return done;
}

/** "Case … · page n of m" on every page, drawn below the text block once the page count is known. */
function writeFooters(doc: PDFKit.PDFDocument, font: string, label: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const y = doc.page.height - margins.bottom + FOOTER_SPACE / 2;
    // Writing below the bottom margin would start a new page; lift it while the footer is drawn.
    const saved = margins.bottom;
    margins.bottom = 0;
    const w = doc.page.width - MARGIN * 2;
    doc
      .moveTo(MARGIN, y - 4)
      .lineTo(MARGIN + w, y - 4)
      .lineWidth(0.5)
      .strokeColor('#cccccc')
      .stroke();
    doc
      .font(font)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(label, MARGIN, y, { width: w * 0.75, lineBreak: false });
    doc.text(`page ${i - range.start + 1} of ${range.count}`, MARGIN, y, { width: w, align: 'right', lineBreak: false });
    margins.bottom = saved;
  }
}
