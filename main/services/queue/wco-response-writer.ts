/**
 * Writes the WCO Data Model response (RES-DMS:2 style) for one decision:
 * Response with FunctionCode, FunctionalReferenceID, IssueDateTime, Status, the
 * Declaration it answers, and for decisions that need the declarant to act an
 * Error with a Pointer to the declaration and the officer's reason.
 */
import { RESPONSE_CODES } from './response-codes';
import type { ResponseFacts } from './cusres-writer';

/** XML 1.0 forbids most C0 control characters even escaped: they become spaces. */
const withoutControls = (s: string) =>
  [...s].map((ch) => (ch < ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' ? ' ' : ch)).join('');

const esc = (s: string) =>
  withoutControls(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** DateTimeString format 304: CCYYMMDDHHMMSS plus Z. */
const dateTime = (iso: string) =>
  `<ds:DateTimeString formatCode="304">${new Date(iso).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z</ds:DateTimeString>`;

export function writeWcoResponse(f: ResponseFacts): string {
  const codes = RESPONSE_CODES[f.decision];
  const error = codes.actionRequired
    ? `
  <Error>
    <ValidationCode>${codes.gis}</ValidationCode>
    <Description>${esc(f.reason)}</Description>
    <Pointer>
      <DocumentSectionCode>42A</DocumentSectionCode>
      <TagID>D026</TagID>
    </Pointer>
  </Error>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<Response xmlns="urn:wco:datamodel:WCO:RES-DMS:2" xmlns:ds="urn:wco:datamodel:WCO:Response_DS:DMS:2">
  <FunctionCode>${codes.functionCode}</FunctionCode>
  <FunctionalReferenceID>${esc(f.responseId)}</FunctionalReferenceID>
  <IssueDateTime>${dateTime(f.issuedAt)}</IssueDateTime>
  <IssueLocationIdentificationID>${esc(f.office)}</IssueLocationIdentificationID>${error}
  <Status>
    <NameCode>${codes.gis}</NameCode>
    <Description>${esc(codes.status)}</Description>
    <EffectiveDateTime>${dateTime(f.issuedAt)}</EffectiveDateTime>
  </Status>
  <AdditionalInformation>
    <StatementDescription>${esc(f.reason)}</StatementDescription>
  </AdditionalInformation>
  <Declaration>
    <FunctionalReferenceID>${esc(f.declarationNumber)}</FunctionalReferenceID>
    <AcceptanceDateTime>${dateTime(f.lodgementTime)}</AcceptanceDateTime>
    <Declarant>
      <ID>${esc(f.declarantId)}</ID>
    </Declarant>
  </Declaration>
</Response>
`;
}
