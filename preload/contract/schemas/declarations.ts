/**
 * Clearway's declaration model, aligned with WCO Data Model names (Declaration,
 * Declarant, Exporter, Importer, BorderTransportMeans, TransportEquipment,
 * GovernmentAgencyGoodsItem, Classification, GoodsMeasure, CustomsValueAmount).
 * It is also the JSON import format. Totals are always derived, never trusted
 * from input: parsing recomputes them.
 */
import { z } from 'zod';
// The validators are pure, dependency-free functions shared with the importers,
// so a declaration edited in the renderer is judged exactly like an imported one.
import { isCountryCode } from './validators/country-code';
import { isCurrencyCode } from './validators/currency-code';
import { isHsCode } from './validators/hs-code';
import { isValidContainerId } from './validators/iso6346';
import { isUnLocode } from './validators/unlocode';
import { IsoTime } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);

export const CountryCode = z.string().refine(isCountryCode, 'must be an ISO 3166 alpha-2 country code, e.g. CN');
export const CurrencyCode = z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code, e.g. USD');
export const HsCode = z.string().refine(isHsCode, 'must be an HS code of 6 to 10 digits');
export const UnLocode = z.string().refine(isUnLocode, 'must be a UN/LOCODE, e.g. CNSZX');
export const ContainerId = z.string().refine(isValidContainerId, 'must be an ISO 6346 container number with a valid check digit');

const PartyFields = z.object({
  /** Trader identification (EORI, USCI, TIN…); optional for foreign parties. */
  id: text(35).optional(),
  /** Optional when the id says who it is: WCO DM and CUSDEC both allow a party by number alone (UK CDS sends EORIs only). */
  name: text(140).optional(),
  country: CountryCode.optional(),
});
/** A party is named, identified, or both. */
export const Party = PartyFields.refine((p) => p.id !== undefined || p.name !== undefined, {
  message: 'a party needs its identification or its name',
  path: ['name'],
});
export type Party = z.infer<typeof Party>;

export const Declarant = PartyFields.extend({ id: text(35) });
export type Declarant = z.infer<typeof Declarant>;

/** How lists show a declarant: by name, or by its identification when it was given by number alone. */
export function traderLabel(declarant: Declarant): string {
  return declarant.name ?? declarant.id;
}

/** UN/ECE Recommendation 19 modes 1–8 (0 "not specified" and 9 "not applicable" name no means to assess). */
export const TransportMode = z.enum(['sea', 'rail', 'road', 'air', 'mail', 'multimodal', 'fixed-installation', 'inland-water']);
export type TransportMode = z.infer<typeof TransportMode>;

export const BorderTransportMeans = z.object({
  name: text(70).optional(),
  nationality: CountryCode.optional(),
});

export const Transport = z.object({
  mode: TransportMode,
  /** IMO number, flight number, train number or registration of the active means. */
  meansId: text(35).optional(),
  /** Licence plate as written, e.g. 粤B·12345; required for road transport. */
  vehiclePlate: text(20).optional(),
  borderTransportMeans: BorderTransportMeans.optional(),
  routeCountries: z.array(CountryCode).max(99).default([]),
});
export type Transport = z.infer<typeof Transport>;

export const TransportEquipment = z.object({
  id: ContainerId,
  seal: text(35).optional(),
});
export type TransportEquipment = z.infer<typeof TransportEquipment>;

export const Amount = z.object({
  amount: z.number().finite().nonnegative(),
  currency: CurrencyCode,
});
export type Amount = z.infer<typeof Amount>;

export const GoodsItem = z
  .object({
    sequence: z.number().int().min(1).max(9999),
    description: text(512),
    hsCode: HsCode,
    originCountry: CountryCode,
    grossMassKg: z.number().finite().positive(),
    netMassKg: z.number().finite().positive().optional(),
    customsValue: Amount,
    packages: z.number().int().nonnegative().optional(),
    containerIds: z.array(ContainerId).optional(),
  })
  .refine((g) => g.netMassKg === undefined || g.netMassKg <= g.grossMassKg, {
    message: 'net mass exceeds gross mass',
    path: ['netMassKg'],
  });
export type GoodsItem = z.infer<typeof GoodsItem>;

export const DeclarationFlags = z.object({
  perishable: z.boolean().default(false),
  expedited: z.boolean().default(false),
  /** Declarant is an authorised economic operator (TFA Art. 7.7). */
  aeo: z.boolean().default(false),
});

export const AdditionalDocument = z.object({
  /** UN/EDIFACT 1001 document name code, e.g. 705 bill of lading, 380 invoice. */
  type: text(8),
  reference: text(70),
});

export const DeclarationTotals = z.object({
  goodsItemCount: z.number().int(),
  grossMassKg: z.number(),
  /** One entry per currency, in order of first appearance. */
  customsValue: z.array(Amount),
});
export type DeclarationTotals = z.infer<typeof DeclarationTotals>;

/** Sums in thousandths so totals do not drift with float addition. */
export function declarationTotals(items: readonly GoodsItem[]): DeclarationTotals {
  let mass = 0;
  const byCurrency = new Map<string, number>();
  for (const item of items) {
    mass += Math.round(item.grossMassKg * 1000);
    const c = item.customsValue.currency;
    byCurrency.set(c, (byCurrency.get(c) ?? 0) + Math.round(item.customsValue.amount * 1000));
  }
  return {
    goodsItemCount: items.length,
    grossMassKg: mass / 1000,
    customsValue: [...byCurrency].map(([currency, milli]) => ({ currency, amount: milli / 1000 })),
  };
}

/** The message functions Clearway acts on (UNTDID 1225 / WCO FunctionCode). */
export const MESSAGE_FUNCTIONS = ['9', '5', '4', '1'] as const;
export type MessageFunction = (typeof MESSAGE_FUNCTIONS)[number];
export const MessageFunction = z.enum(MESSAGE_FUNCTIONS);
/** The function a declaration was sent with (absent = original). */
export function messageFunctionOf(d: { functionCode?: MessageFunction | undefined }): MessageFunction {
  return d.functionCode ?? '9';
}

/** WCO TypeCode shape; shared with the importers' fast model check (main/services/declarations/accept-declaration.ts). */
export const TYPE_CODE_PATTERN = /^[A-Z0-9]{1,3}$/;
/** Customs office code shape. */
export const OFFICE_PATTERN = /^[A-Z0-9]{2,17}$/;

// A rule changed here must be changed in main/services/declarations/accept-declaration.ts
// too (the CUSDEC import's fast check); its unit test fails until both agree.
export const DeclarationInput = z
  .object({
    /** LRN / declaration number (WCO FunctionalReferenceID). */
    functionalReferenceId: text(35),
    /**
     * What this message does to the declaration (CUSDEC BGM 1225, WCO DM FunctionCode): 9 original,
     * 5 replacement, 4 amendment (change), 1 cancellation. Absent means original.
     */
    functionCode: z
      .enum(MESSAGE_FUNCTIONS, { message: 'must be a message function: 9 original, 5 replacement, 4 amendment, 1 cancellation' })
      .optional(),
    /** WCO TypeCode, e.g. IM, EX, IMA. */
    typeCode: z.string().regex(TYPE_CODE_PATTERN, 'must be 1–3 capitals, e.g. IM'),
    /** Customs office of lodgement/clearance (national or EU office code). */
    office: z.string().regex(OFFICE_PATTERN, 'must be a customs office code, e.g. CNSZX001'),
    lodgementTime: IsoTime,
    /** Expected arrival of the goods (pre-arrival processing, TFA Art. 7.1). */
    arrivalTime: IsoTime.optional(),
    declarant: Declarant,
    exporter: Party.optional(),
    importer: Party.optional(),
    transport: Transport,
    loadingLocation: UnLocode.optional(),
    unloadingLocation: UnLocode.optional(),
    containers: z.array(TransportEquipment).max(999).default([]),
    goodsItems: z.array(GoodsItem).min(1).max(999),
    flags: DeclarationFlags.default({ perishable: false, expedited: false, aeo: false }),
    documents: z.array(AdditionalDocument).max(99).default([]),
    /** The customs procedure as the message gives it (a national trade mode, a CPC, CurrentCode + PreviousCode). */
    procedure: text(35).optional(),
    /** The consignee, when the message names one apart from the importer. */
    consignee: Party.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.transport.mode === 'road' && !d.transport.vehiclePlate) {
      ctx.addIssue({ code: 'custom', message: 'road transport needs the vehicle plate', path: ['transport', 'vehiclePlate'] });
    }
    const seen = new Set<number>();
    d.goodsItems.forEach((g, i) => {
      if (seen.has(g.sequence))
        ctx.addIssue({
          code: 'custom',
          message: `duplicate goods item sequence ${g.sequence}`,
          path: ['goodsItems', i, 'sequence'],
        });
      seen.add(g.sequence);
    });
    const declared = new Set(d.containers.map((c) => c.id));
    if (new Set(declared).size !== d.containers.length) {
      ctx.addIssue({ code: 'custom', message: 'a container is listed twice', path: ['containers'] });
    }
    d.goodsItems.forEach((g, i) => {
      g.containerIds?.forEach((id, j) => {
        if (!declared.has(id))
          ctx.addIssue({
            code: 'custom',
            message: `container ${id} is not declared`,
            path: ['goodsItems', i, 'containerIds', j],
          });
      });
    });
  });
export type DeclarationInput = z.input<typeof DeclarationInput>;

export const Declaration = DeclarationInput.transform((d) => ({ ...d, totals: declarationTotals(d.goodsItems) }));
export type Declaration = z.output<typeof Declaration>;

export const DeclarationFormat = z.enum(['cusdec', 'wco-xml', 'json']);
export type DeclarationFormat = z.infer<typeof DeclarationFormat>;

/** A message that could not be imported; nothing of it was kept. */
export const Reject = z.object({
  file: z.string(),
  format: DeclarationFormat.nullable(),
  /** Message reference (UNH 0062), declaration number, or null when the error is interchange-wide. */
  messageRef: z.string().nullable(),
  /** 0-based position of the message in the file, or null for interchange-wide errors. */
  messageIndex: z.number().int().nullable(),
  /** 1-based segment number within the message (EDIFACT), element path (XML, JSON) otherwise null. */
  segmentNumber: z.number().int().nullable(),
  segmentTag: z.string().nullable(),
  /** Element or field path for XML and JSON (e.g. Declaration/GoodsShipment/…), else null. */
  path: z.string().nullable(),
  reason: z.string(),
});
export type Reject = z.infer<typeof Reject>;
