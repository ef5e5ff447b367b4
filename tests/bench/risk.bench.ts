import { pathToFileURL } from 'node:url';
import { RiskConfig, type RiskRule, type Watchlist } from '../../preload/schemas/risk';
import { compileRiskConfig } from '../../main/services/risk/compiled-config';
import { defaultRiskConfig } from '../../main/services/risk/default-rules';
import { assessCompiled } from '../../main/services/risk/engine';
import { prepareSubject } from '../../main/services/risk/prepared-subject';
import { seededRandom } from '../../main/services/risk/seeded-random';
import type { RiskSubject } from '../../main/services/risk/subject';

/**
 * Risk engine throughput: 100k declarations against ~50 rules and a 5k-trader
 * watchlist; and one 40-item declaration against 500 rules (issue target < 2 ms).
 */

const STAMP = { version: 1, author: 'bench', updatedAt: '2026-01-01T00:00:00.000Z' };
const NOW = new Date('2026-03-15T10:00:00Z');
const TRADES = ['TRADING', 'LOGISTICS', 'TEXTILE', 'ELECTRONICS', 'FOODS', 'CHEMICALS', 'MACHINERY', 'IMPORT EXPORT'];
const HS = ['851712', '847130', '610910', '640399', '030389', '080510', '293941', '292429', '845710', '940360', '870323', '392690'];
const COUNTRIES = ['CN', 'VN', 'DE', 'US', 'AE', 'SG', 'PA', 'TR', 'IN', 'KR'];

const SYLLABLES = ['ba', 'ko', 'ri', 'zen', 'ta', 'mu', 'lo', 'vi', 'sha', 'qin', 'dar', 'pe', 'nor', 'hua', 'ke', 'sol', 'tri', 'wen', 'ga', 'fu'];

/** Pseudo-words from syllables: a large, varied name space like real trader registers. */
function traderName(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
  return `${word()} ${word()} ${pick(TRADES)} ${random() < 0.5 ? 'Co., Ltd.' : 'LIMITED'}`;
}

function subjects(count: number, items: number, traders: readonly string[], random: () => number): RiskSubject[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => ({
    declarationId: `D${i}`,
    office: random() < 0.5 ? 'CNSZX001' : 'CNSHA001',
    declarantId: `DECL${i % 500}`,
    declarantName: pick(traders),
    exporterId: `EXP${i % 5000}`,
    exporterName: pick(traders),
    consigneeId: `CON${i % 5000}`,
    consigneeName: pick(traders),
    transportMode: random() < 0.3 ? 'road' : 'sea',
    vehiclePlate: random() < 0.3 ? `粤B·${10000 + Math.floor(random() * 90000)}` : null,
    routeCountries: [pick(COUNTRIES), pick(COUNTRIES)],
    containerIds: [`MSCU${String(Math.floor(random() * 1e6)).padStart(6, '0')}5`],
    totalCustomsValue: Math.round(random() * 200_000),
    totalGrossMassKg: Math.round(random() * 30_000),
    perishable: random() < 0.1,
    expedited: random() < 0.05,
    aeo: random() < 0.2,
    items: Array.from({ length: items }, (_, k) => ({
      sequence: k + 1,
      hsCode: pick(HS),
      originCountry: pick(COUNTRIES),
      customsValue: Math.round(random() * 60_000),
      grossMassKg: 1 + Math.round(random() * 2_000),
    })),
  }));
}

function syntheticRules(count: number, random: () => number): RiskRule[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    name: `bench rule ${i}`,
    description: '',
    conditions: [
      { field: 'hsCode', op: 'prefix', value: pick(HS).slice(0, 4) },
      i % 3 === 0
        ? { field: 'originCountry', op: 'in', values: [pick(COUNTRIES), pick(COUNTRIES)] }
        : i % 3 === 1
          ? { field: 'itemValuePerKg', op: 'range', max: 1 + random() * 10 }
          : { field: 'routeCountry', op: 'eq', value: pick(COUNTRIES) },
    ],
    lane: pick(['yellow', 'blue', 'red'] as const),
    score: 10,
    profileId: null,
    active: true,
    ...STAMP,
  })) as RiskRule[];
}

function benchConfig(ruleCount: number, watchlisted: readonly string[], random: () => number): RiskConfig {
  const base = defaultRiskConfig();
  const traderList: Watchlist = {
    id: 'bench-traders',
    name: 'bench traders',
    kind: 'trader',
    lane: 'red',
    score: 50,
    profileId: null,
    similarityThreshold: 0.86,
    active: true,
    entries: watchlisted.map((value, i) => ({ id: `T${i}`, value, reason: 'bench' })),
    ...STAMP,
  };
  return RiskConfig.parse({
    ...base,
    rules: [...base.rules, ...syntheticRules(ruleCount - base.rules.length, random)],
    watchlists: [...base.watchlists, traderList],
  });
}

export async function run(): Promise<void> {
  const random = seededRandom(2026);

  // 20k traders lodge declarations; 5k names are watchlisted, of which ~2% also trade here.
  const traders = Array.from({ length: 20_000 }, () => traderName(random));
  const watchlisted = [...traders.slice(0, 100), ...Array.from({ length: 4_900 }, () => traderName(random))];
  const config = benchConfig(50, watchlisted, random);
  let started = performance.now();
  const compiled = compileRiskConfig(config);
  const compileMs = performance.now() - started;
  const batch = subjects(100_000, 3, traders, random);
  const lanes = { green: 0, yellow: 0, blue: 0, red: 0 };
  started = performance.now();
  for (const subject of batch) lanes[assessCompiled(prepareSubject(subject), compiled, { now: NOW, random }).lane]++;
  const seconds = (performance.now() - started) / 1000;
  console.log(`risk: ${config.rules.length} rules, 5,000-trader watchlist (compiled in ${compileMs.toFixed(0)} ms)`);
  console.log(`risk: 100,000 declarations × 3 items in ${seconds.toFixed(2)} s → ${Math.round(100_000 / seconds).toLocaleString('en')} assessments/s; lanes ${JSON.stringify(lanes)}`);

  const big = compileRiskConfig(benchConfig(500, watchlisted, random));
  const heavy = subjects(1_000, 40, traders, random);
  started = performance.now();
  for (const subject of heavy) assessCompiled(prepareSubject(subject), big, { now: NOW, random });
  const perDeclaration = (performance.now() - started) / heavy.length;
  console.log(`risk: 40-item declaration × 500 rules: ${perDeclaration.toFixed(3)} ms each (target < 2 ms) → ${Math.round(1000 / perDeclaration).toLocaleString('en')} declarations/s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
