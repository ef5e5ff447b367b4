/**
 * Deterministic demo declarations: the same seed and clock give the same
 * declarations. Used by the demo mode, the benchmarks and the round-trip tests,
 * so every value it produces must pass the model (valid ISO 6346 check digits,
 * plates on road transport, UN/LOCODEs, HS codes).
 */
import { Declaration, type DeclarationInput } from '../../../preload/contract/schemas/declarations';
import {
  CHINESE_PLATE_PREFIXES,
  COMMODITIES,
  CONTAINER_OWNERS,
  DECLARANTS,
  EXPORTERS,
  IMPORTERS,
  LOADING_PORTS,
  OFFICES,
  VESSELS,
} from './demo/catalog';
import { Prng } from './demo/prng';
import { iso6346CheckDigit } from '../../../preload/contract/schemas/validators/iso6346';

export interface DemoOptions {
  count: number;
  seed: number;
  /** Lodgement times fall in the 72 hours before this instant. */
  now: Date;
  /** First declaration serial, so successive batches do not collide. */
  firstSerial?: number;
}

const MINUTE = 60_000;

export function containerNumber(rng: Prng): string {
  const first10 = `${rng.pick(CONTAINER_OWNERS)}${rng.digits(6)}`;
  return `${first10}${iso6346CheckDigit(first10)}`;
}

function roadPlate(rng: Prng, office: string): string {
  if (office.startsWith('CN') || rng.chance(0.7)) return `${rng.pick(CHINESE_PLATE_PREFIXES)}·${rng.letters(1)}${rng.digits(4)}`;
  return rng.pick([
    `B-${rng.letters(2)} ${rng.int(100, 9999)}`,
    `WX ${rng.digits(5)}`,
    `${rng.digits(2)}-${rng.letters(3)}-${rng.digits(1)}`,
  ]);
}

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/**
 * When the goods arrive relative to the clock, and so where their release target
 * stands (the target runs from arrival, see queue/sla.ts): most are still on their
 * way or just in, some arrived a while ago and are getting close to due, a few have
 * waited long enough to be overdue. Lodged before arrival, as pre-arrival
 * processing (TFA Art. 7.1) makes the norm, and never after the clock.
 */
function demoTimes(rng: Prng, now: Date): { lodgement: Date; arrival: Date } {
  const share = rng.int(1, 100);
  const minutesFromNow =
    share <= 45
      ? rng.int(10, 36 * 60) // on the way
      : share <= 85
        ? -rng.int(0, 20) // just arrived
        : share <= 95
          ? -rng.int(21, 210) // waiting: green lanes near or past due
          : -rng.int(211, 12 * 60); // waited long: overdue on most lanes
  const arrival = atMinute(now.getTime() + minutesFromNow * MINUTE);
  const latestLodgement = Math.min(now.getTime(), arrival.getTime() - 30 * MINUTE);
  const lodgement = atMinute(latestLodgement - rng.int(0, 24 * 60) * MINUTE);
  return { lodgement, arrival };
}

const atMinute = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE);

export function generateDeclaration(rng: Prng, serial: number, now: Date): Declaration {
  const office = rng.pick(OFFICES);
  const mode = office.land ? (rng.chance(0.9) ? 'road' : 'rail') : rng.chance(0.85) ? 'sea' : 'air';
  const declarant = rng.pick(DECLARANTS);
  const importer = rng.pick(IMPORTERS);
  const exporter = rng.pick(EXPORTERS);
  const { lodgement, arrival } = demoTimes(rng, now);
  // Perishables come in bulk of one kind; other consignments mix.
  const perishableLoad = rng.chance(0.3);
  const pool = COMMODITIES.filter((c) => c.perishable === perishableLoad);
  const itemCount = perishableLoad ? rng.int(1, 3) : rng.int(1, 8);

  const containers = mode === 'sea' ? Array.from({ length: rng.int(1, 3) }, () => containerNumber(rng)) : [];
  const uniqueContainers = [...new Set(containers)];
  const goodsItems = Array.from({ length: itemCount }, (_, i) => {
    const c = rng.pick(pool);
    const gross = round(rng.int(50, perishableLoad ? 24_000 : 12_000) + rng.next(), 1);
    const net = rng.chance(0.6) ? round(gross * (0.85 + rng.next() * 0.1), 1) : undefined;
    const value = round(gross * (c.usdPerKg[0] + rng.next() * (c.usdPerKg[1] - c.usdPerKg[0])), 2);
    return {
      sequence: i + 1,
      description: `${c.en} / ${c.zh}`,
      hsCode: rng.chance(0.5) ? c.hs : `${c.hs}${rng.digits(2)}`,
      originCountry: rng.pick(c.origins),
      grossMassKg: gross,
      ...(net !== undefined ? { netMassKg: net } : {}),
      customsValue: { amount: value, currency: rng.chance(0.85) ? 'USD' : rng.pick(['EUR', 'CNY', 'HKD']) },
      ...(rng.chance(0.7) ? { packages: rng.int(1, 2000) } : {}),
      ...(uniqueContainers.length ? { containerIds: [uniqueContainers[i % uniqueContainers.length]!] } : {}),
    };
  });

  const vessel = rng.pick(VESSELS);
  const transport: DeclarationInput['transport'] =
    mode === 'road'
      ? {
          mode,
          vehiclePlate: roadPlate(rng, office.code),
          borderTransportMeans: { nationality: office.code.slice(0, 2) },
          routeCountries: [],
        }
      : mode === 'sea'
        ? {
            mode,
            meansId: vessel.imo,
            borderTransportMeans: { name: vessel.name, nationality: vessel.flag },
            routeCountries: rng.chance(0.3) ? ['SG'] : [],
          }
        : mode === 'air'
          ? { mode, meansId: `${rng.pick(['CX', 'CA', 'LH', 'SQ'])}${rng.digits(4)}`, routeCountries: [] }
          : { mode, meansId: `X${rng.digits(4)}`, routeCountries: rng.chance(0.5) ? ['KZ', 'RU'] : [] };

  const input: DeclarationInput = {
    functionalReferenceId: `${office.code.slice(0, 2)}${lodgement.getUTCFullYear()}${String(serial).padStart(8, '0')}`,
    typeCode: rng.chance(0.9) ? 'IMA' : 'IMD',
    office: office.code,
    lodgementTime: lodgement.toISOString(),
    arrivalTime: arrival.toISOString(),
    declarant: { id: declarant.id, name: declarant.name, country: declarant.country },
    exporter: { id: exporter.id, name: exporter.name, country: exporter.country },
    importer: { id: importer.id, name: importer.name, country: importer.country },
    transport,
    ...(mode === 'road' || mode === 'rail'
      ? { loadingLocation: rng.pick(['HKHKG', 'KZALA', 'VNHPH']) }
      : { loadingLocation: rng.pick(LOADING_PORTS) }),
    unloadingLocation: office.port,
    containers: uniqueContainers.map((id) => (rng.chance(0.8) ? { id, seal: `${rng.letters(2)}${rng.digits(6)}` } : { id })),
    goodsItems,
    flags: {
      perishable: perishableLoad,
      expedited: mode === 'air' || rng.chance(0.1),
      aeo: declarant.aeo,
    },
    documents: [
      { type: mode === 'sea' ? '705' : mode === 'air' ? '740' : '730', reference: `${rng.letters(4)}${rng.digits(8)}` },
      { type: '380', reference: `INV-${rng.digits(6)}` },
      ...(perishableLoad ? [{ type: '851', reference: `PHY-${rng.digits(7)}` }] : []),
    ],
  };
  return Declaration.parse(input);
}

export function generateDeclarations(o: DemoOptions): Declaration[] {
  const rng = new Prng(o.seed);
  const first = o.firstSerial ?? 1;
  return Array.from({ length: o.count }, (_, i) => generateDeclaration(rng, first + i, o.now));
}
