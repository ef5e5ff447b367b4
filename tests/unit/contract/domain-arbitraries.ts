/**
 * Targeted arbitraries for the contract schemas whose refinements random values
 * almost never pass: code shapes checked by a function (country, currency, HS,
 * UN/LOCODE), check digits (ISO 6346 containers), media URLs, risk conditions (field
 * kind × operator × value type, safe regexes) and documents with cross-references
 * (a declaration's containers, a risk configuration's profiles, a site's cameras,
 * lanes and groups). Each is keyed by the schema object itself, so it applies
 * wherever that schema is used, and each ends with the schema's own check: a
 * targeted arbitrary narrows the search, it never vouches for a value.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import {
  ContainerId,
  CountryCode,
  CurrencyCode,
  DeclarationInput,
  HsCode,
  UnLocode,
} from '../../../preload/contract/schemas/declarations';
import { Condition, OPERATORS_BY_KIND, RISK_FIELDS, RiskConfig, type RiskField } from '../../../preload/contract/schemas/risk';
import { RecognitionFrameInput } from '../../../preload/contract/schemas/recognition';
import { MediaUrl, Site } from '../../../preload/contract/schemas/site';
import { iso6346CheckDigit } from '../../../preload/contract/schemas/validators/iso6346';
import { webAddress } from './url-arbitrary';

/** What zod-arbitrary.ts lends a targeted arbitrary (passed in, so the two files do not import each other). */
export interface Derive {
  /** Valid values of any schema, targeted ones included. */
  validValue(schema: z.ZodType): fc.Arbitrary<unknown>;
  /** A schema's own shape with its own refinements not enforced: the starting point to repair. */
  shapeValue(schema: z.ZodType): fc.Arbitrary<unknown>;
  /** Keeps only what the schema accepts, giving up after a bounded number of tries. */
  acceptedBy<T>(schema: z.ZodType, base: fc.Arbitrary<T>): fc.Arbitrary<T>;
}

type Targeted = (derive: Derive) => fc.Arbitrary<unknown>;

const targeted = new Map<z.ZodType, Targeted>([
  [CountryCode, () => fc.stringMatching(/^[A-Z]{2}$/)],
  [CurrencyCode, () => fc.stringMatching(/^[A-Z]{3}$/)],
  [HsCode, () => fc.stringMatching(/^(0[1-9]|[1-9]\d)\d{4,8}$/)],
  [UnLocode, () => fc.stringMatching(/^[A-Z]{2}[A-Z2-9]{3}$/)],
  [ContainerId, () => containerId],
  [MediaUrl, () => mediaUrl],
  [Condition, () => condition],
  [DeclarationInput, declarationInput],
  [RiskConfig, riskConfig],
  [Site, site],
  // A frame is a JPEG: its base64 starts with the JPEG marker's "/9j/".
  [RecognitionFrameInput.shape.jpegBase64, () => fc.stringMatching(/^\/9j\/[A-Za-z0-9+/]{120,400}$/)],
]);

/** The targeted arbitrary for this exact schema object, or undefined when the generic one applies. */
export function targetedArbitrary(schema: z.ZodType, derive: Derive): fc.Arbitrary<unknown> | undefined {
  const build = targeted.get(schema);
  return build ? derive.acceptedBy(schema, build(derive)) : undefined;
}

// ---------------------------------------------------------------- codes and URLs

/** Owner code, category, serial, then the check digit ISO 6346 computes over them. */
const containerId = fc
  .tuple(fc.stringMatching(/^[A-Z]{3}$/), fc.constantFrom('U', 'J', 'Z'), fc.stringMatching(/^\d{6}$/))
  .map(([owner, category, serial]) => {
    const firstTen = `${owner}${category}${serial}`;
    return `${firstTen}${iso6346CheckDigit(firstTen) ?? 0}`;
  });

/** Camera and bridge URLs, or files shipped in the app's media folder. */
const mediaUrl = fc.oneof(
  webAddress(['http', 'https']),
  fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,15}(\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,15}){0,3}$/),
);

// ---------------------------------------------------------------- risk conditions

const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const conditionText = fc.string({ minLength: 1, maxLength: 24 });
/** Patterns the engine's static check accepts: anchors, classes, bounded repeats, one alternation. */
const safePattern = fc.oneof(
  fc.constantFrom('^CN', '^(CN|HK)$', '^[0-9]{4}', 'ACME.*TRADING', '^MSCU\\d{7}$', '^粤B', 'LTD$'),
  fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
);

/** A field, an operator its kind allows, and a value of the type that kind compares with. */
const condition = fc.constantFrom(...(Object.keys(RISK_FIELDS) as RiskField[])).chain((field) => {
  const kind = RISK_FIELDS[field].kind;
  const scalar: fc.Arbitrary<string | number | boolean> =
    kind === 'text' ? conditionText : kind === 'number' ? finite : fc.boolean();
  const listed: fc.Arbitrary<string | number> = kind === 'number' ? finite : conditionText;
  const variants: fc.Arbitrary<Record<string, unknown>>[] = OPERATORS_BY_KIND[kind].map((op) => {
    switch (op) {
      case 'eq':
      case 'ne':
        return scalar.map((value) => ({ field, op, value }));
      case 'prefix':
        return conditionText.map((value) => ({ field, op, value }));
      case 'in':
        return fc.array(listed, { minLength: 1, maxLength: 5 }).map((values) => ({ field, op, values }));
      case 'range':
        return fc
          .tuple(fc.option(finite, { nil: undefined }), fc.option(finite, { nil: undefined }))
          .filter(([a, b]) => a !== undefined || b !== undefined)
          .map(([a, b]) => {
            const [min, max] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
            return { field, op, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
          });
      case 'regex':
        return fc
          .tuple(safePattern, fc.option(fc.constantFrom('', 'i'), { nil: undefined }))
          .map(([pattern, flags]) => ({ field, op, pattern, ...(flags === undefined ? {} : { flags }) }));
    }
  });
  return fc.oneof(...variants);
});

// ---------------------------------------------------------------- documents with cross-references

interface Identified {
  id: string;
}

/** Distinct ids that keep what was generated: `<id>-<index>` cannot collide across indexes. */
function distinctIds<T extends Identified>(items: T[] | undefined, max = 64): T[] {
  const list = items ?? [];
  list.forEach((item, index) => {
    const suffix = `-${index}`;
    item.id = `${item.id.slice(0, max - suffix.length)}${suffix}`;
  });
  return list;
}

interface DeclarationShape {
  transport: { mode: string; vehiclePlate?: string };
  containers?: Identified[];
  goodsItems: { sequence: number; containerIds?: string[] }[];
}

/** Road transport names its plate; goods items are numbered once; items only reference declared containers. */
function declarationInput(derive: Derive): fc.Arbitrary<unknown> {
  const plate = fc.stringMatching(/^[A-Z]{1,3}[0-9]{3,5}$/);
  return fc.tuple(derive.shapeValue(DeclarationInput), plate).map(([generated, plateValue]) => {
    const d = structuredClone(generated) as DeclarationShape;
    if (d.transport.mode === 'road' && !d.transport.vehiclePlate?.trim()) d.transport.vehiclePlate = plateValue;
    const declared = [...new Map((d.containers ?? []).map((c) => [c.id, c])).values()];
    if (d.containers) d.containers = declared;
    d.goodsItems.forEach((item, index) => {
      item.sequence = index + 1;
      if (item.containerIds)
        item.containerIds =
          declared.length === 0 ? [] : item.containerIds.map((_, j) => declared[(index + j) % declared.length]!.id);
    });
    return d;
  });
}

interface RiskConfigShape {
  profiles: Identified[];
  rules: { profileId: string | null }[];
}

/** Rules that name a profile name one of the configuration's profiles. */
function riskConfig(derive: Derive): fc.Arbitrary<unknown> {
  return derive.shapeValue(RiskConfig).map((generated) => {
    const config = structuredClone(generated) as RiskConfigShape;
    const profiles = config.profiles.map((profile) => profile.id);
    config.rules.forEach((rule, index) => {
      if (rule.profileId !== null) rule.profileId = profiles.length === 0 ? null : profiles[index % profiles.length]!;
    });
    return config;
  });
}

interface SiteShape {
  gates?: (Identified & { lanes: Identified[] })[];
  yardBlocks?: Identified[];
  berths?: Identified[];
  inspectionAreas?: Identified[];
  cameras?: (Identified & { kind: string; still?: string; group?: string; recognition?: { laneId: string } })[];
  markers?: (Identified & { cameraId: string; link: { kind: string; ref: string } })[];
  cameraGroups?: (Identified & { layout?: '1x1' | '2x2' | '3x3'; cameraIds: string[] })[];
}

const WALL_CAPACITY = { '1x1': 1, '2x2': 4, '3x3': 9 } as const;

/**
 * A site whose references hold: unique ids, lane ids unique across gates, markers on
 * real cameras and lanes, container markers with a check digit, groups of real,
 * distinct cameras that fit their wall, stills only on 360° cameras.
 */
function site(derive: Derive): fc.Arbitrary<unknown> {
  const containers = fc.array(containerId, { minLength: 1, maxLength: 3 });
  return fc.tuple(derive.shapeValue(Site), containers).map(([generated, containerPool]) => {
    const s = structuredClone(generated) as SiteShape;
    const gates = distinctIds(s.gates);
    distinctIds(s.yardBlocks);
    distinctIds(s.berths);
    distinctIds(s.inspectionAreas);
    const cameras = distinctIds(s.cameras);
    const markers = distinctIds(s.markers);
    const groups = distinctIds(s.cameraGroups);

    const laneIds: string[] = [];
    gates.forEach((gate, g) =>
      gate.lanes.forEach((lane, l) => {
        const suffix = `-${g}-${l}`;
        lane.id = `${lane.id.slice(0, 64 - suffix.length)}${suffix}`;
        laneIds.push(lane.id);
      }),
    );
    const cameraIds = cameras.map((camera) => camera.id);

    cameras.forEach((camera, index) => {
      if (camera.kind !== '360') delete camera.still;
      if (camera.recognition !== undefined) {
        if (laneIds.length === 0) delete camera.recognition;
        else camera.recognition.laneId = laneIds[index % laneIds.length]!;
      }
      if (camera.group !== undefined) {
        if (groups.length === 0) delete camera.group;
        else camera.group = groups[index % groups.length]!.id;
      }
    });
    if (cameraIds.length === 0) {
      s.markers = [];
      s.cameraGroups = [];
      return s;
    }
    markers.forEach((marker, index) => {
      marker.cameraId = cameraIds[index % cameraIds.length]!;
      if (marker.link.kind === 'lane') {
        if (laneIds.length === 0) marker.link.kind = 'declaration';
        else marker.link.ref = laneIds[index % laneIds.length]!;
      }
      if (marker.link.kind === 'container') marker.link.ref = containerPool[index % containerPool.length]!;
    });
    groups.forEach((group, g) => {
      const size = Math.min(group.cameraIds.length, WALL_CAPACITY[group.layout ?? '2x2'], cameraIds.length);
      group.cameraIds = Array.from({ length: size }, (_, j) => cameraIds[(g + j) % cameraIds.length]!);
    });
    return s;
  });
}
