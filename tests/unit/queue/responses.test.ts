import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { Decision } from '../../../preload/contract/schemas/queue';
import { EdifactTokenizer, isTokenizerError } from '../../../main/services/declarations/edifact/tokenizer';
import type { Segment } from '../../../main/services/declarations/edifact/segment';
import { writeCusres, type ResponseFacts } from '../../../main/services/queue/cusres-writer';
import { writeWcoResponse } from '../../../main/services/queue/wco-response-writer';

function segments(text: string): Segment[] {
  const t = new EdifactTokenizer();
  const tokens = [...t.push(text), ...t.end()];
  for (const token of tokens) if (isTokenizerError(token)) throw new Error(token.error);
  return tokens as Segment[];
}

const facts = (reason: string, decision: Decision = 'hold'): ResponseFacts => ({
  responseId: 'R202603020800ABCD1234',
  declarationNumber: "CN2026'00+1:2?",
  declarantId: 'CN4403960001',
  office: 'CNSZX001',
  decision,
  reason,
  issuedAt: '2026-03-02T08:00:00.000Z',
  lodgementTime: '2026-03-02T07:00:00.000Z',
});

describe('responses round-trip', () => {
  it('any reason and any number survive CUSRES escaping and XML escaping', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 5, maxLength: 300 }),
        fc.constantFrom(...Decision.options),
        (reason, decision) => {
          const cusres = segments(writeCusres(facts(reason, decision)));
          const expected = reason.replace(/[\r\n\t]+/g, ' ').trim();
          const ftx = cusres.filter((s) => s.tag === 'FTX').at(-1)!;
          expect((ftx.elements[3] ?? []).join('')).toBe(expected);
          expect(cusres.find((s) => s.tag === 'RFF')!.elements[0]).toEqual(['ABT', "CN2026'00+1:2?"]);

          const xml = new XMLParser({ parseTagValue: false, trimValues: false }).parse(writeWcoResponse(facts(reason, decision)));
          const withoutControls = [...reason]
            .map((ch) => (ch < ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' ? ' ' : ch))
            .join('');
          expect(String(xml.Response.AdditionalInformation.StatementDescription).replace(/\r\n?/g, '\n')).toBe(
            withoutControls.replace(/\r\n?/g, '\n'),
          );
          expect(xml.Response.Declaration.FunctionalReferenceID).toBe("CN2026'00+1:2?");
        },
      ),
      { numRuns: 200 },
    );
  });

  it('only decisions that need the declarant to act carry an error group', () => {
    const tags = (d: Decision) => segments(writeCusres(facts('reason text', d))).map((s) => s.tag);
    expect(tags('release')).not.toContain('ERP');
    for (const d of ['hold', 'requestDocuments', 'sendToInspection'] as const) expect(tags(d)).toContain('ERP');
    expect(writeWcoResponse(facts('reason text', 'release'))).not.toContain('<Error>');
  });
});
