/**
 * A scenario's whole session planned ahead: every declaration lodged, every truck
 * at a gate lane and every projected threat, with its scenario time. A pure
 * function of the scenario (its seed included), so two runs, or a run at 1× and
 * one at 60×, see the same events in the same order; the simulator only plays
 * the plan against the clock.
 */
import { Declaration, type DeclarationInput } from '../../../preload/contract/schemas/declarations';
import type { Scenario, ThreatKind, TraineeResponse } from '../../../preload/contract/schemas/training';
import { iso6346CheckDigit } from '../../../preload/contract/schemas/validators/iso6346';
import { containerNumber } from '../declarations/demo-generator';
import {
  CHINESE_PLATE_PREFIXES,
  COMMODITIES,
  DECLARANTS,
  EXPORTERS,
  IMPORTERS,
  OFFICES,
  type Commodity,
  type Trader,
} from '../declarations/demo/catalog';
import { Prng } from '../declarations/demo/prng';
import { GATE_THREATS, ThreatProjector } from './threat-projection';

/** What the gate sees of a truck: its plate and, where the lane has them, the seal, scale, count and driver check. */
export interface GateReadings {
  plate: string;
  container?: string;
  seal?: string;
  grossKg?: number;
  packages?: number;
  face?: 'match' | 'mismatch';
}

export interface PlannedDeclaration {
  kind: 'declaration';
  at: number;
  itemId: string;
  declaration: Declaration;
  threat: ThreatKind | null;
  /** Responses that catch the threat (empty for a clean item). */
  rightResponses: readonly TraineeResponse[];
  /** Scenario time to respond before a threat counts as missed. */
  window: number;
  /** A burst threat: the trainee is told right after responding (or when the window runs out). */
  feedback: boolean;
  /** What the trainee should have noticed, for the "what you missed" card. */
  cue: string | null;
}

export interface PlannedVehicle {
  kind: 'vehicle';
  at: number;
  itemId: string;
  laneId: string;
  readings: GateReadings;
}

export type PlanEvent = PlannedDeclaration | PlannedVehicle;

export interface ScenarioPlan {
  events: PlanEvent[];
  /** Traders and plates the training watchlists hold for this session. */
  watchlist: { traders: Trader[]; plates: string[] };
}

/** Right responses when a scenario does not set them: a threat is caught by stopping the goods. */
export const DEFAULT_RESPONSES: Readonly<Record<ThreatKind, readonly TraineeResponse[]>> = {
  'hs-mismatch': ['document-check', 'inspect', 'hold', 'open-case'],
  undervaluation: ['document-check', 'inspect', 'hold', 'open-case'],
  'watchlist-trader': ['inspect', 'hold', 'open-case'],
  'watchlist-vehicle': ['inspect', 'hold', 'refuse-vehicle', 'open-case'],
  'plate-mismatch': ['hold', 'refuse-vehicle', 'inspect'],
  'container-check-digit': ['hold', 'refuse-vehicle', 'inspect'],
  'seal-mismatch': ['hold', 'refuse-vehicle', 'inspect'],
  'quantity-mismatch': ['inspect', 'hold', 'refuse-vehicle'],
  'weight-mismatch': ['inspect', 'hold', 'refuse-vehicle'],
  'face-mismatch': ['hold', 'refuse-vehicle'],
  'agency-hold': ['hold'],
};

const HOUR = 3_600_000;
const MINUTE = 60_000;
const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

export function planScenario(scenario: Scenario): ScenarioPlan {
  const rng = new Prng(scenario.seed);
  // Separate streams, so adding a threat kind does not shift the traffic, and the reverse.
  const threatRng = new Prng((scenario.seed ^ 0x9e3779b9) >>> 0);
  const watchlist = trainingWatchlist(new Prng((scenario.seed ^ 0x85ebca6b) >>> 0));
  const threats = scenario.threats;
  const projector = threats
    ? new ThreatProjector(
        { oneIn: threats.oneIn, spread: threats.spread, mix: threats.mix, burst: threats.burst },
        threatRng.int(0, 2 ** 31),
      )
    : null;
  const fixedThreats = [...(threats?.inline ?? [])].sort((a, b) => a.at - b.at);
  const office = OFFICES.find((o) => o.code === scenario.office);
  const start = Date.parse(scenario.start);
  const events: PlanEvent[] = [];

  const times = arrivalTimes(scenario, rng);
  const inline = scenario.traffic.inline.map((d) => ({ at: d.at, inline: d }));
  const items = [...times.map((at) => ({ at, inline: undefined })), ...inline].sort((a, b) => a.at - b.at);
  let serial = 0;
  let projected = 0;
  for (const item of items) {
    serial += 1;
    const number = item.inline?.number ?? `${scenario.office.slice(0, 2)}T${String(serial).padStart(8, '0')}`;
    const byRoad = item.inline ? item.inline.plate !== undefined : rng.chance((scenario.traffic.declarations?.byRoad ?? 0) / 100);
    const draft = item.inline
      ? inlineDeclaration(item.inline, number, scenario, start, item.at)
      : generated(rng, scenario, number, start + item.at, byRoad, office?.port ?? 'CNSHA');
    const planned = byRoad ? plannedVehicle(rng, scenario, draft, item.at, number) : null;
    // Gate threats need a truck that reaches the gate while the scenario runs.
    const vehicle = planned && planned.at <= scenario.duration ? planned : null;
    const atGate = vehicle !== null;
    // A fixed threat lands on the first item at or after its time that can show it.
    const due = fixedThreats[0];
    const fixed = due && due.at <= item.at && (atGate || !GATE_THREATS.has(due.kind)) ? fixedThreats.shift()!.kind : null;
    const drawn = fixed === null ? (projector?.next({ byRoad: atGate }) ?? null) : null;
    const threat = fixed ?? drawn;
    if (drawn !== null) projected += 1;
    const feedback = drawn !== null && (threats?.burst?.feedback ?? false) && projected <= (threats?.burst?.threats ?? 0);
    const cue = threat ? applyThreat(threat, threatRng, draft, vehicle?.readings, watchlist) : null;
    const declaration = Declaration.parse(draft);
    const spec = threat ? threats?.kinds[threat] : undefined;
    events.push({
      kind: 'declaration',
      at: item.at,
      itemId: number,
      declaration,
      threat,
      rightResponses: threat ? (spec?.respond ?? DEFAULT_RESPONSES[threat]) : [],
      window: spec?.window ?? threats?.window ?? 15 * MINUTE,
      feedback,
      cue,
    });
    if (vehicle) events.push(vehicle);
  }
  for (const v of scenario.traffic.inlineVehicles) {
    events.push({
      kind: 'vehicle',
      at: v.at,
      itemId: v.declaration ?? `vehicle-${v.at}`,
      laneId: v.lane,
      readings: { plate: v.plate },
    });
  }
  // Stable order: by time, declarations before the vehicles that carry them, then by item.
  events.sort(
    (a, b) => a.at - b.at || (a.kind === b.kind ? a.itemId.localeCompare(b.itemId) : a.kind === 'declaration' ? -1 : 1),
  );
  return { events, watchlist };
}

/** Lodgement times of generated declarations: a Poisson process at the scenario's hourly rate. */
function arrivalTimes(scenario: Scenario, rng: Prng): number[] {
  const traffic = scenario.traffic.declarations;
  if (!traffic) return [];
  const steps = typeof traffic.perHour === 'number' ? [{ from: 0, perHour: traffic.perHour }] : traffic.perHour;
  const times: number[] = [];
  steps.forEach((step, i) => {
    const end = Math.min(steps[i + 1]?.from ?? scenario.duration, scenario.duration);
    if (step.perHour === 0) return;
    const meanGap = HOUR / step.perHour;
    for (let t = step.from - meanGap * Math.log(1 - rng.next()); t < end; t -= meanGap * Math.log(1 - rng.next())) {
      times.push(Math.round(t / 1000) * 1000);
    }
  });
  return times;
}

function pickShare<K extends string>(rng: Prng, shares: Partial<Record<K, number>>): K {
  const entries = Object.entries(shares) as [K, number][];
  let draw = rng.next() * entries.reduce((sum, [, share]) => sum + share, 0);
  for (const [key, share] of entries) {
    draw -= share;
    if (draw < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

function pickCommodity(rng: Prng, scenario: Scenario): Commodity {
  const hs = scenario.traffic.declarations?.hs;
  if (!hs) return rng.pick(COMMODITIES);
  const prefix = pickShare(rng, hs);
  return rng.pick(COMMODITIES.filter((c) => c.hs.startsWith(prefix)));
}

/** Synthetic traders and plates on the training watchlists: never real companies or vehicles. */
function trainingWatchlist(rng: Prng): ScenarioPlan['watchlist'] {
  const traders = ['Blue Harbour Trading', 'Golden Reed Import', 'Northwind Commodities'].map((name) => ({
    id: `CN9144${rng.digits(6)}W`,
    name: `${name} (training)`,
    country: 'CN',
    aeo: false,
  }));
  const plates = Array.from({ length: 3 }, () => `${rng.pick(CHINESE_PLATE_PREFIXES)}·W${rng.digits(4)}`);
  return { traders, plates };
}

function newTrader(rng: Prng): Trader {
  return { id: `CN9144${rng.digits(6)}N`, name: `New Trader ${rng.letters(3)} Co.`, country: 'CN', aeo: false };
}

function generated(
  rng: Prng,
  scenario: Scenario,
  number: string,
  lodgedAt: number,
  byRoad: boolean,
  port: string,
): DeclarationInput {
  const traffic = scenario.traffic.declarations;
  const traderClass = pickShare(rng, traffic?.traders ?? { regular: 100 });
  const pool = (list: readonly Trader[]) => list.filter((t) => (traderClass === 'aeo' ? t.aeo : !t.aeo));
  const importer = traderClass === 'new' ? newTrader(rng) : rng.pick(pool(IMPORTERS));
  const declarant = rng.pick(pool(DECLARANTS).length > 0 ? pool(DECLARANTS) : DECLARANTS);
  const exporter = rng.pick(EXPORTERS);
  const commodity = pickCommodity(rng, scenario);
  const items = commodity.perishable ? 1 : rng.int(1, 3);
  const containers = rng.chance(byRoad ? 0.6 : 1)
    ? [{ id: containerNumber(rng), seal: `${rng.letters(2)}${rng.digits(6)}` }]
    : [];
  const goodsItems = Array.from({ length: items }, (_, i) => {
    const c = i === 0 ? commodity : pickCommodity(rng, scenario);
    const gross = round(rng.int(200, 20_000) + rng.next(), 1);
    return {
      sequence: i + 1,
      description: `${c.en} / ${c.zh}`,
      hsCode: c.hs,
      originCountry: rng.pick(c.origins),
      grossMassKg: gross,
      customsValue: { amount: round(gross * (c.usdPerKg[0] + rng.next() * (c.usdPerKg[1] - c.usdPerKg[0])), 2), currency: 'USD' },
      packages: rng.int(10, 1500),
      ...(containers.length > 0 ? { containerIds: [containers[0]!.id] } : {}),
    };
  });
  // Watchlisted training plates have W after the province prefix; ordinary ones never do.
  const plate = byRoad
    ? `${rng.pick(CHINESE_PLATE_PREFIXES)}·${rng.letters(1, 'ABCDEFGHJKLMNPQRSTUVXYZ')}${rng.digits(4)}`
    : null;
  const lodgement = new Date(lodgedAt);
  return {
    functionalReferenceId: number,
    typeCode: 'IMA',
    office: scenario.office,
    lodgementTime: lodgement.toISOString(),
    arrivalTime: new Date(lodgedAt + rng.int(20, 240) * MINUTE).toISOString(),
    declarant: { id: declarant.id, name: declarant.name, country: declarant.country },
    exporter: { id: exporter.id, name: exporter.name, country: exporter.country },
    importer: { id: importer.id, name: importer.name, country: importer.country },
    transport: plate
      ? { mode: 'road', vehiclePlate: plate, borderTransportMeans: { nationality: 'CN' }, routeCountries: [] }
      : { mode: 'sea', meansId: '9387421', borderTransportMeans: { name: 'MSC ANNA', nationality: 'PA' }, routeCountries: [] },
    loadingLocation: plate ? 'HKHKG' : 'SGSIN',
    unloadingLocation: port,
    containers,
    goodsItems,
    flags: { perishable: commodity.perishable, expedited: false, aeo: traderClass === 'aeo' && declarant.aeo },
    documents: [{ type: '380', reference: `INV-${rng.digits(6)}` }],
  };
}

function inlineDeclaration(
  d: Scenario['traffic']['inline'][number],
  number: string,
  scenario: Scenario,
  start: number,
  at: number,
): DeclarationInput {
  const commodity = COMMODITIES.find((c) => c.hs.startsWith(d.hs));
  // The importer lodges its own inline declaration.
  const importer = { id: `CN9144${String(at).padStart(6, '0').slice(-6)}I`, name: d.importer, country: 'CN' };
  return {
    functionalReferenceId: number,
    typeCode: 'IMA',
    office: scenario.office,
    lodgementTime: new Date(start + at).toISOString(),
    declarant: importer,
    importer,
    transport: d.plate
      ? { mode: 'road', vehiclePlate: d.plate, routeCountries: [] }
      : { mode: 'sea', meansId: '9387421', routeCountries: [] },
    containers: d.container ? [{ id: d.container }] : [],
    goodsItems: [
      {
        sequence: 1,
        description: d.description,
        hsCode: d.hs,
        originCountry: commodity?.origins[0] ?? 'CN',
        grossMassKg: d.grossKg,
        customsValue: { amount: d.valueUsd, currency: 'USD' },
        ...(d.container ? { containerIds: [d.container] } : {}),
      },
    ],
    documents: [],
  };
}

function plannedVehicle(rng: Prng, scenario: Scenario, d: DeclarationInput, lodgedAt: number, number: string): PlannedVehicle {
  const lanes = scenario.traffic.vehicles?.lanes ?? scenario.traffic.inlineVehicles.map((v) => v.lane);
  const [low, high] = scenario.traffic.vehicles?.arrivalAfterLodgementMin ?? [20, 180];
  const container = d.containers?.[0];
  const items = d.goodsItems ?? [];
  return {
    kind: 'vehicle',
    at: lodgedAt + rng.int(Math.round(low), Math.round(Math.max(low, high))) * MINUTE,
    itemId: number,
    laneId: rng.pick(lanes),
    readings: {
      plate: d.transport?.mode === 'road' ? (d.transport.vehiclePlate ?? '') : '',
      ...(container ? { container: container.id, ...(container.seal ? { seal: container.seal } : {}) } : {}),
      // Scale and count readings as a lane shows them: within a few percent of the declaration.
      grossKg: round(items.reduce((sum, i) => sum + (i.grossMassKg ?? 0), 0) * (0.98 + rng.next() * 0.04), 0),
      packages: items.reduce((sum, i) => sum + (i.packages ?? 0), 0),
      face: 'match',
    },
  };
}

/** Changes the item so it carries the threat; returns what the trainee should notice. */
function applyThreat(
  kind: ThreatKind,
  rng: Prng,
  d: DeclarationInput,
  gate: GateReadings | undefined,
  watchlist: ScenarioPlan['watchlist'],
): string {
  const item = d.goodsItems![0]!;
  switch (kind) {
    case 'hs-mismatch': {
      const declared = COMMODITIES.find((c) => item.description?.startsWith(c.en));
      const other = rng.pick(COMMODITIES.filter((c) => c.hs.slice(0, 2) !== declared?.hs.slice(0, 2)));
      item.hsCode = other.hs;
      return `HS ${other.hs} (${other.en}) does not fit "${item.description}"`;
    }
    case 'undervaluation': {
      const c = COMMODITIES.find((x) => item.description?.startsWith(x.en)) ?? COMMODITIES[0]!;
      const value = round(item.grossMassKg! * c.usdPerKg[0] * (0.08 + rng.next() * 0.12), 2);
      item.customsValue = { amount: value, currency: 'USD' };
      return `declared ${round(value / item.grossMassKg!, 2)} USD/kg; the reference for ${c.en} is ${c.usdPerKg[0]}–${c.usdPerKg[1]} USD/kg`;
    }
    case 'watchlist-trader': {
      const trader = rng.pick(watchlist.traders);
      d.importer = { id: trader.id, name: trader.name, country: trader.country };
      return `importer ${trader.name} is on the watchlist`;
    }
    case 'watchlist-vehicle': {
      const plate = rng.pick(watchlist.plates);
      if (d.transport?.mode === 'road') d.transport.vehiclePlate = plate;
      if (gate) gate.plate = plate;
      return `truck ${plate} is on the watchlist`;
    }
    case 'agency-hold': {
      const ref = `GACC-Q-${rng.digits(6)}`;
      d.documents = [...(d.documents ?? []), { type: 'HOLD', reference: ref }];
      return `quarantine hold ${ref} from the health agency must not be overridden`;
    }
    default:
      return gateThreat(kind, rng, gate!, d);
  }
}

function gateThreat(kind: ThreatKind, rng: Prng, gate: GateReadings, d: DeclarationInput): string {
  const items = d.goodsItems ?? [];
  switch (kind) {
    case 'plate-mismatch': {
      const declared = gate.plate;
      gate.plate = `${declared.slice(0, 3)}${rng.letters(1)}${rng.digits(4)}`;
      return `truck ${gate.plate} at the gate; the declaration names ${declared}`;
    }
    case 'container-check-digit': {
      const read = gate.container ?? `MSCU${rng.digits(6)}0`;
      const first10 = read.slice(0, 10);
      const wrong = ((iso6346CheckDigit(first10) ?? 0) + 1 + rng.int(0, 8)) % 10;
      gate.container = `${first10}${wrong}`;
      return `container ${gate.container} at the gate fails its ISO 6346 check digit`;
    }
    case 'seal-mismatch': {
      const declared = gate.seal ?? '(none)';
      gate.seal = `${rng.letters(2)}${rng.digits(6)}`;
      return `seal ${gate.seal} at the gate; declared ${declared}`;
    }
    case 'quantity-mismatch': {
      const declared = items.reduce((sum, i) => sum + (i.packages ?? 0), 0);
      gate.packages = Math.round(declared * (1.15 + rng.next() * 0.35)) + 1;
      return `${gate.packages} packages counted; ${declared} declared`;
    }
    case 'weight-mismatch': {
      const declared = round(
        items.reduce((sum, i) => sum + (i.grossMassKg ?? 0), 0),
        1,
      );
      gate.grossKg = Math.round(declared * (1.15 + rng.next() * 0.3));
      return `scale reads ${gate.grossKg} kg; ${declared} kg declared`;
    }
    case 'face-mismatch':
      gate.face = 'mismatch';
      return "the driver's face does not match the document photo";
    default:
      throw new Error(`threat kind ${kind} is not a gate threat`);
  }
}
