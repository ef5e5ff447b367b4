import { z } from 'zod';
import { Lane } from './risk';

/**
 * A training scenario, version 1: the traffic a trainee works through and the
 * threats projected into it, as threat image projection (TIP) does for screeners.
 * Files are YAML or JSON; main/services/training/scenario-file.ts reads them and
 * names the line and column of every error. The authoring guide is in the README.
 */
export const SCENARIO_SCHEMA = 'clearway.scenario/1';

/** What an injected threat looks like in the traffic. */
export const ThreatKind = z.enum([
  'hs-mismatch', // HS code that does not fit the goods description
  'undervaluation', // unit value far under the reference unit value
  'watchlist-trader', // importer or declarant on a watchlist
  'watchlist-vehicle', // truck plate on a watchlist
  'plate-mismatch', // plate at the gate differs from the declared one
  'container-check-digit', // the container read at the gate fails its ISO 6346 check digit
  'seal-mismatch', // seal at the gate differs from the declared seal
  'quantity-mismatch', // packages counted at the gate differ from the declaration
  'weight-mismatch', // scale reading differs from the declared gross mass
  'face-mismatch', // driver's face does not match the document photo
  'agency-hold', // another agency's hold that must not be overridden
]);
export type ThreatKind = z.infer<typeof ThreatKind>;

/** What a trainee can do with an item; the scorer compares it with the right response. */
export const TraineeResponse = z.enum([
  'release', // decided green / released / let the vehicle through
  'document-check', // re-routed or decided to yellow
  'inspect', // re-routed or decided to red, physical inspection
  'hold', // held (release blocked)
  'open-case', // opened a case
  'refuse-vehicle', // stopped the vehicle at the gate
]);
export type TraineeResponse = z.infer<typeof TraineeResponse>;

/** Responses that count as raising an alarm; a release is the only clearing response. */
export const ALARM_RESPONSES: readonly TraineeResponse[] = ['document-check', 'inspect', 'hold', 'open-case', 'refuse-vehicle'];

/** ISO-8601 duration in hours, minutes and seconds (PT2H, PT90M, PT1H30M, PT45S). */
export const ScenarioDuration = z
  .string()
  .regex(/^PT(?=\d)(\d+H)?(\d+M)?(\d+S)?$/, 'must be an ISO-8601 duration such as PT2H, PT90M or PT1H30M')
  .transform((text) => {
    const [, h, m, s] = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(text)!;
    return (Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000;
  });

const Percent = z.number().min(0).max(100);

/** A mix in percent by key; the shares must add up to 100. */
function mix<K extends z.ZodType<string>>(key: K) {
  return z
    .partialRecord(key, Percent)
    .refine((shares) => Object.keys(shares).length > 0, 'needs at least one entry')
    .refine((shares) => {
      const values = Object.values(shares).filter((v): v is number => v !== undefined);
      return Math.abs(values.reduce((a, b) => a + b, 0) - 100) < 1e-6;
    }, 'shares must add up to 100');
}

const Hs = z.string().regex(/^\d{4}(\d{2})?$/, 'must be an HS heading (4 digits) or subheading (6 digits)');
const Plate = z.string().trim().min(2).max(16);

/** Volume per hour of scenario time, either flat or as a profile over the hours. */
const PerHour = z.union([
  z.number().int().min(0).max(2000),
  z
    .array(z.object({ from: ScenarioDuration, perHour: z.number().int().min(0).max(2000) }).strict())
    .min(1)
    .refine((steps) => steps.every((s, i) => i === 0 || s.from > steps[i - 1]!.from), 'steps must be in time order')
    .refine((steps) => steps[0]!.from === 0, 'the first step must start at PT0S'),
]);

export const DeclarationTraffic = z
  .object({
    perHour: PerHour,
    /** Share of AEO traders, regular traders and traders new to the office. */
    traders: mix(z.enum(['aeo', 'regular', 'new'])).default({ aeo: 30, regular: 60, new: 10 }),
    /** HS headings or subheadings from the shipped catalogue, with their share; omitted: the whole catalogue evenly. */
    hs: mix(Hs).optional(),
    /** Share of declarations that arrive by road through a gate lane (the others by sea only). */
    byRoad: Percent.default(50),
  })
  .strict();

export const InlineDeclaration = z
  .object({
    at: ScenarioDuration,
    number: z.string().trim().min(1).max(35).optional(),
    hs: Hs,
    description: z.string().trim().min(1).max(200),
    importer: z.string().trim().min(1).max(120),
    valueUsd: z.number().positive(),
    grossKg: z.number().positive(),
    plate: Plate.optional(),
    container: z.string().trim().min(1).max(11).optional(),
  })
  .strict();

export const InlineVehicle = z
  .object({
    at: ScenarioDuration,
    lane: z.string().trim().min(1),
    plate: Plate,
    /** The inline declaration (by number) this truck carries, if any. */
    declaration: z.string().trim().min(1).max(35).optional(),
  })
  .strict();

export const VehicleTraffic = z
  .object({
    /** Gate lanes vehicles arrive at; ids from the site file. */
    lanes: z.array(z.string().trim().min(1)).min(1),
    /** Minutes between lodgement and the truck reaching the gate, low and high. */
    arrivalAfterLodgementMin: z.tuple([z.number().min(0), z.number().min(0)]).default([20, 180]),
  })
  .strict();

export const ThreatSpec = z
  .object({
    /** The right responses; any of them is a hit. Defaults per kind are in the README. */
    respond: z
      .array(TraineeResponse.exclude(['release']))
      .min(1)
      .optional(),
    /** Scenario time a trainee has to respond before the threat counts as missed. */
    window: ScenarioDuration.optional(),
  })
  .strict();

export const Threats = z
  .object({
    /** One threat in `oneIn` items on average... */
    oneIn: z.number().int().min(2).max(1000),
    /** ...with each gap drawn within ±spread of it, so the next one cannot be predicted. */
    spread: z.number().min(0).max(0.9).default(0.3),
    mix: mix(ThreatKind),
    /** Scenario time a trainee has to respond before a threat counts as missed. */
    window: ScenarioDuration.prefault('PT15M'),
    /** A short high-prevalence run at the start, with feedback after each threat. */
    burst: z
      .object({
        threats: z.number().int().min(1).max(50),
        oneIn: z.number().int().min(1).max(20),
        feedback: z.boolean().default(true),
      })
      .strict()
      .optional(),
    /** Per-kind overrides of the right response and the window. */
    kinds: z.partialRecord(ThreatKind, ThreatSpec).default({}),
    /** Threats at fixed times, on top of the projected ones. */
    inline: z.array(z.object({ at: ScenarioDuration, kind: ThreatKind }).strict()).default([]),
  })
  .strict();

export const SyntheticCamera = z
  .object({
    /** A camera id from the site file; its stream shows the scenario's vehicles. */
    camera: z.string().trim().min(1),
    lane: z.string().trim().min(1),
    fps: z.number().int().min(1).max(30).default(10),
  })
  .strict();

export const Scenario = z
  .object({
    schema: z.literal(SCENARIO_SCHEMA),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'must be lowercase letters, digits and dashes'),
    title: z.object({ en: z.string().trim().min(1).max(120), 'zh-CN': z.string().trim().min(1).max(120) }).strict(),
    summary: z.object({ en: z.string().trim().min(1).max(1000), 'zh-CN': z.string().trim().min(1).max(1000) }).strict(),
    /** `demo` for the shipped demo site, else a site file path relative to the scenario. */
    site: z.string().trim().min(1).default('demo'),
    office: z.string().regex(/^[A-Z]{2}[A-Z0-9]{3,6}$/, 'must be a customs office code such as CNSHA01'),
    /** Scenario start on the simulated clock, with its offset. */
    start: z.iso.datetime({ offset: true }),
    duration: ScenarioDuration,
    clockSpeed: z.number().min(1).max(60).default(1),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    lanes: mix(Lane).optional(),
    traffic: z
      .object({
        declarations: DeclarationTraffic.optional(),
        vehicles: VehicleTraffic.optional(),
        inline: z.array(InlineDeclaration).default([]),
        inlineVehicles: z.array(InlineVehicle).default([]),
      })
      .strict(),
    cameras: z.array(SyntheticCamera).default([]),
    threats: Threats.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!s.traffic.declarations && s.traffic.inline.length === 0)
      ctx.addIssue({ code: 'custom', path: ['traffic'], message: 'needs a declarations generator or inline declarations' });
    const late = (at: number) => at > s.duration;
    s.traffic.inline.forEach((d, i) => {
      if (late(d.at))
        ctx.addIssue({ code: 'custom', path: ['traffic', 'inline', i, 'at'], message: 'is after the end of the scenario' });
    });
    s.traffic.inlineVehicles.forEach((v, i) => {
      if (late(v.at))
        ctx.addIssue({
          code: 'custom',
          path: ['traffic', 'inlineVehicles', i, 'at'],
          message: 'is after the end of the scenario',
        });
    });
    s.threats?.inline.forEach((t, i) => {
      if (late(t.at))
        ctx.addIssue({ code: 'custom', path: ['threats', 'inline', i, 'at'], message: 'is after the end of the scenario' });
    });
    const gateKinds: readonly ThreatKind[] = [
      'plate-mismatch',
      'seal-mismatch',
      'quantity-mismatch',
      'weight-mismatch',
      'face-mismatch',
    ];
    const needsVehicles = Object.keys(s.threats?.mix ?? {}).some((k) => gateKinds.includes(k as ThreatKind));
    if (needsVehicles && !s.traffic.vehicles && s.traffic.inlineVehicles.length === 0)
      ctx.addIssue({ code: 'custom', path: ['threats', 'mix'], message: 'has gate threats but the traffic has no vehicles' });
  });
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
