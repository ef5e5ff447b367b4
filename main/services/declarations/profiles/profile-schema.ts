/**
 * A message implementation profile: where each field of Clearway's declaration model
 * comes from in one dialect of CUSDEC or WCO DM XML, which code lists map onto
 * Clearway's codes, and the defaults a receiving system applies. Profiles are data:
 * the shipped ones are JSON files beside this module, and a supervisor adds one as a
 * JSON file in the profiles folder, checked against this schema.
 */
import { z } from 'zod';
import { LineCounter, parseDocument } from 'yaml';

const Code = z.string().min(1).max(35);
const Codes = z.array(Code).min(1);

/**
 * Where an EDIFACT value is: a segment, optionally only when a qualifier sits at
 * `qualifierAt` (element, component; default element 1, component 0), and the value's
 * element (1-based, as in the directories) and component (0-based).
 */
export const EdifactPick = z
  .object({
    segment: z.string().regex(/^[A-Z][A-Z0-9]{2}$/, 'a segment tag is three capitals, e.g. LOC'),
    qualifier: z.union([Code, Codes]).optional(),
    qualifierAt: z.tuple([z.number().int().min(1).max(99), z.number().int().min(0).max(99)]).optional(),
    element: z.number().int().min(1).max(99),
    component: z.number().int().min(0).max(99).optional(),
  })
  .strict();
export type EdifactPick = z.infer<typeof EdifactPick>;

/**
 * A code list: the sender's code → Clearway's code. A key ending in `*` matches every
 * code starting with what precedes it (e.g. "IM*": "IM" for IM4, IM7…).
 */
const CodeMap = z.record(z.string().min(1), z.string().min(1));

const Picks = z.array(EdifactPick).min(1);

export const CusdecMapping = z
  .object({
    number: Picks,
    /** BGM 1001 document name (929 import, 830 export…), mapped by codes.documentType. */
    documentType: Picks,
    /** The customs procedure (CST C246 in the header, or per item). */
    procedure: z.array(EdifactPick),
    itemProcedure: z.array(EdifactPick).default([]),
    /** Which codes give the declaration type, in order: the document name or the procedure. */
    typeCodeFrom: z.array(z.enum(['document', 'procedure'])).min(1),
    office: z.array(EdifactPick),
    loading: z.array(EdifactPick),
    unloading: z.array(EdifactPick),
    /** The message's reference currency (e.g. CUX+2:CNY:4): amounts without 6345 are in it. */
    currency: z.array(EdifactPick),
    /** DTM 2005 qualifiers. */
    lodgementQualifiers: Codes,
    arrivalQualifiers: z.array(Code),
    /** NAD 3035 party function codes per role. */
    parties: z.object({ declarant: Codes, exporter: z.array(Code), importer: z.array(Code), consignee: z.array(Code) }).strict(),
    /** TDT 8051 stages, preferred first (11 at border); any other TDT only when none of these is present. */
    transportStages: z.array(Code),
    /** EQD 8053 qualifiers that are containers (CN); others (TE trailer, RG road train) are not. */
    containerQualifiers: Codes,
    /** RFF 1153 qualifiers linking an item to a container. */
    itemContainerQualifiers: z.array(Code),
    /** GIS 7365 indicators for the flags. */
    flags: z.object({ perishable: z.array(Code), expedited: z.array(Code), aeo: z.array(Code) }).strict(),
    description: z.object({ ftxQualifiers: z.array(Code), imd: z.boolean().default(false) }).strict(),
    origin: z.array(EdifactPick),
    /** Where an item's commodity code is when its CST gives none (e.g. PIA). */
    itemHsCode: z.array(EdifactPick).default([]),
    /** MEA 6311 / 6313 qualifiers. */
    /** `unqualifiedIsGross`: a weight without 6313 is the gross mass (with a warning). */
    mass: z
      .object({ measurement: Codes, gross: Codes, net: z.array(Code), unqualifiedIsGross: z.boolean().default(false) })
      .strict(),
    /** MOA 5025 qualifiers for the item value, preferred first. */
    valueQualifiers: Codes,
    /** Summary section (after UNS+S): declared totals, cross-checked against the items. */
    totals: z
      .object({
        itemCountCnt: z.array(Code),
        grossMassCnt: z.array(Code),
        valueMoa: z.array(Code),
        valueCnt: z.array(Code).default([]),
      })
      .strict(),
  })
  .strict();
export type CusdecMapping = z.infer<typeof CusdecMapping>;

const Paths = z.array(z.string().min(1).max(300));

/** Element paths are relative to <Declaration>, '/'-separated, namespace prefixes ignored; `@name` reads an attribute. */
export const WcoMapping = z
  .object({
    number: Paths.min(1),
    typeCode: Paths,
    procedure: Paths,
    itemProcedure: Paths,
    office: Paths,
    lodgementTime: Paths,
    arrivalTime: Paths,
    declarant: Paths,
    exporter: Paths,
    importer: Paths,
    consignee: Paths,
    /** Relative to a party element. */
    partyId: Paths,
    partyName: Paths,
    partyCountry: Paths,
    modeCode: Paths,
    meansId: Paths,
    meansName: Paths,
    meansNationality: Paths,
    loading: Paths,
    unloading: Paths,
    containers: Paths,
    /** Relative to <Declaration>; each item's fields relative to the item. */
    items: Paths.min(1),
    sequence: Paths,
    description: Paths,
    /** Classification elements; the one whose IdentificationTypeCode comes first in classificationTypes is the HS code. */
    hsCode: Paths,
    classificationTypes: z.array(Code),
    /** Appended to an 8-digit code (UK CDS: TARIC additional digits, TRC). */
    classificationSuffixTypes: z.array(Code),
    origin: Paths,
    grossMass: Paths,
    netMass: Paths,
    value: Paths,
    packages: Paths,
    itemContainers: Paths,
    totalItems: Paths,
    totalGrossMass: Paths,
    totalValue: Paths,
    documents: Paths,
    routeCountries: Paths,
    /** The message's currency for amounts without a currencyID (e.g. InvoiceAmount/@currencyID). */
    currency: Paths,
  })
  .strict();
export type WcoMapping = z.infer<typeof WcoMapping>;

export const ProfileMatch = z
  .object({
    /** Import sources (folder names, "hub", partner names) whose messages this profile reads. */
    sources: z.array(Code).default([]),
    /** UNB 0004 interchange senders and 0010 recipients. */
    senders: z.array(Code).default([]),
    recipients: z.array(Code).default([]),
    /** UNH 0057 association assigned codes. */
    associationCodes: z.array(Code).default([]),
    /** WCO MetaData: ResponsibleCountryCode / ResponsibleAgencyName. */
    responsibleCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  })
  .strict();

export const Profile = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'a profile name is 2–40 lower-case letters, digits and dashes, e.g. cn-single-window'),
    /** Another profile (shipped or in the same folder) this one starts from: objects merge, lists and values replace. */
    extends: z.string().optional(),
    title: z.string().min(1).max(200),
    format: z.enum(['cusdec', 'wco-xml']),
    /** The strict profile reads with Clearway's own readers and refuses what they refuse. */
    strict: z.boolean().default(false),
    /** Tried in this order when the choice is automatic and profiles tie (lower first). */
    priority: z.number().int().min(0).max(1000).default(100),
    match: ProfileMatch.default({ sources: [], senders: [], recipients: [], associationCodes: [], responsibleCountries: [] }),
    codes: z
      .object({
        documentType: CodeMap.default({}),
        procedure: CodeMap.default({}),
        transportMode: CodeMap.default({}),
        massUnits: z.record(z.string().min(1), z.number().positive()).default({}),
      })
      .strict()
      .default({ documentType: {}, procedure: {}, transportMode: {}, massUnits: {} }),
    defaults: z
      .object({
        /** "settings": the workstation's office, stated on the declaration as assigned on receipt. */
        office: z.union([z.literal('settings'), z.string().regex(/^[A-Z0-9]{2,17}$/)]).optional(),
        /** The declaration type when no code gives one. */
        typeCode: z
          .string()
          .regex(/^[A-Z0-9]{1,3}$/)
          .optional(),
        /** The interchange sender (UNB 0004) stands for a missing declarant. */
        declarantFromSender: z.boolean().default(false),
      })
      .strict()
      .default({ declarantFromSender: false }),
    /** Segments (CUSDEC) or elements (WCO) this guide makes mandatory: without them a message cannot be assessed. */
    mandatory: z.array(Code).default([]),
    cusdec: CusdecMapping.optional(),
    wco: WcoMapping.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.strict) return;
    if (p.format === 'cusdec' && !p.cusdec)
      ctx.addIssue({ code: 'custom', message: 'a CUSDEC profile needs a "cusdec" mapping', path: ['cusdec'] });
    if (p.format === 'wco-xml' && !p.wco)
      ctx.addIssue({ code: 'custom', message: 'a WCO DM profile needs a "wco" mapping', path: ['wco'] });
  });
export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof Profile>;

export class ProfileFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** Where a field of a profile file stands, for error messages: " (line L, column C)" in YAML, "" in JSON. */
export type ProfilePlace = (path: readonly PropertyKey[]) => string;

/**
 * Reads a profile file's text, JSON or YAML (by its name), without checking it against
 * the schema (a profile that `extends` another is checked once merged). Syntax errors
 * name the file and, in YAML, the line and column.
 */
export function readProfileData(file: string, textValue: string): { raw: unknown; where: ProfilePlace } {
  if (!/\.ya?ml$/i.test(file)) {
    try {
      return { raw: JSON.parse(textValue), where: () => '' };
    } catch (e) {
      throw new ProfileFileError(file, `not valid JSON: ${(e as Error).message}`);
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(textValue, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    const at = first.linePos?.[0];
    const place = at ? ` at line ${at.line}, column ${at.col}` : '';
    throw new ProfileFileError(
      file,
      `not valid YAML${place}: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
  const where: ProfilePlace = (path) => {
    // The nearest node the path reaches: a missing field is reported at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return ` (line ${line}, column ${col})`;
      }
    }
    return '';
  };
  return { raw: doc.toJS() as unknown, where };
}

/** Parses and checks one profile file (JSON or YAML) that extends nothing. */
export function parseProfileFile(file: string, textValue: string): Profile {
  const { raw, where } = readProfileData(file, textValue);
  return checkProfile(file, raw, where);
}

/** Checks profile data against the schema; every problem is listed with its path (and, given `where`, its place). */
export function checkProfile(file: string, raw: unknown, where: (path: readonly PropertyKey[]) => string = () => ''): Profile {
  const parsed = Profile.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 10)
    .map((i) => `${i.path.join('.') || '(profile)'}${where(i.path)}: ${i.message}`);
  throw new ProfileFileError(file, `not a valid profile:\n  ${problems.join('\n  ')}`);
}

/** A code looked up in a profile code list (exact key first, then the longest `prefix*` key). */
export function mapCode(list: Record<string, string>, code: string): string | undefined {
  const exact = list[code];
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestLength = -1;
  for (const key in list) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    if (code.startsWith(prefix) && prefix.length > bestLength) {
      best = list[key];
      bestLength = prefix.length;
    }
  }
  return best;
}
