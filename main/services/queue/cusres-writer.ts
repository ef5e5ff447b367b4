/**
 * Writes the CUSRES (D96B) interchange that answers one declaration:
 * UNA UNB UNH BGM DTM FTX LOC GIS SG3(RFF DTM) [SG4(ERP ERC FTX)] UNT UNZ,
 * UTF-8 (UNOW) so trader names in any script survive. Uses the declarations
 * area's EDIFACT escaping so the project's tokenizer reads it back exactly.
 */
import type { Decision } from '../../../preload/contract/schemas/queue';
import { DEFAULT_DELIMITERS, escapeEdifact } from '../declarations/edifact/delimiters';
import { formatDtm203 } from '../declarations/edifact/values';
import { CUSRES, RESPONSE_CODES } from './response-codes';

export interface ResponseFacts {
  /** Unique response reference (also the interchange control reference's source). */
  responseId: string;
  declarationNumber: string;
  declarantId: string;
  office: string;
  decision: Decision;
  reason: string;
  issuedAt: string;
  lodgementTime: string;
}

/** FTX 4440 holds up to 512 characters and repeats five times. */
function textComponents(text: string): string[] {
  const clean = text.replace(/[\r\n\t]+/g, ' ').trim();
  const parts: string[] = [];
  for (let i = 0; i < clean.length && parts.length < 5; i += 350) parts.push(clean.slice(i, i + 350));
  return parts;
}

/** UNB 0020 is at most 14 characters. */
export function controlReference(responseId: string): string {
  return responseId
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-14)
    .toUpperCase();
}

export function writeCusres(f: ResponseFacts): string {
  const d = DEFAULT_DELIMITERS;
  const seg = (tag: string, ...elements: (string | readonly string[])[]) => {
    let text = [
      tag,
      ...elements.map((e) => (typeof e === 'string' ? [e] : e).map((c) => escapeEdifact(c, d)).join(d.component)),
    ].join(d.element);
    while (text.endsWith(d.element) || text.endsWith(d.component)) text = text.slice(0, -1);
    return `${text}${d.segment}\n`;
  };
  const codes = RESPONSE_CODES[f.decision];
  const issued = formatDtm203(f.issuedAt);
  const ref = controlReference(f.responseId);
  const body = [
    seg('BGM', CUSRES.documentName, f.responseId, '9'),
    seg('DTM', [CUSRES.dateQualifier, issued, '203']),
    seg('FTX', CUSRES.freeTextSubject, '', '', textComponents(codes.status)),
    seg('LOC', '22', f.office),
    seg('GIS', [codes.gis, '', 'ZZZ']),
    seg('RFF', [CUSRES.declarationReference, f.declarationNumber]),
    seg('DTM', ['137', formatDtm203(f.lodgementTime), '203']),
  ];
  if (codes.actionRequired) {
    body.push(seg('ERP', '1'), seg('ERC', codes.gis), seg('FTX', CUSRES.errorText, '', '', textComponents(f.reason)));
  } else {
    body.push(seg('FTX', CUSRES.freeTextSubject, '', '', textComponents(f.reason)));
  }
  return [
    `UNA${d.component}${d.element}${d.decimal}${d.release}${d.reserved}${d.segment}\n`,
    seg('UNB', ['UNOW', '4'], [f.office, 'ZZZ'], [f.declarantId, 'ZZZ'], [issued.slice(0, 8), issued.slice(8, 12)], ref),
    seg('UNH', '1', ['CUSRES', 'D', '96B', 'UN']),
    ...body,
    seg('UNT', String(body.length + 2), '1'),
    seg('UNZ', '1', ref),
  ].join('');
}
