/**
 * Replays synthetic gate videos (scripts/gate-video.ts) through the app's own
 * recognition path in real time: frames at the video's rate into GateRecognition
 * (the recognition worker, newest frame first, the lane tracker's vote, matching,
 * the auto-release rule, the gate log) over a scratch database with declarations
 * expecting some of the trucks. Prints per-vehicle results and, last, the figures:
 *
 *   gate: N vehicles, decision median X ms, p95 Y ms; plates M/N exact (P%); declarations matched K/L; auto-released A (expected E); frames read F, dropped D, median R ms per frame
 *
 *   npm run eval:gate -- [--lanes 4] [--trucks 6] [--fps 5] [--seed 1] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { normalisePlate } from '../preload/contract/schemas/gate';
import type { GateDecision, LaneLive } from '../preload/contract/schemas/recognition';
import { Site } from '../preload/contract/schemas/site';
import { systemClock } from '../main/services/clock';
import { GateService } from '../main/services/gate/gate-service';
import { migrations } from '../main/services/migrations';
import { GateRecognition, quantile } from '../main/services/recognition/gate-recognition';
import { RecognitionPool } from '../main/services/recognition/recognition-pool';
import { openStore } from '../main/services/store/client';
import { gatePlates, gateVideo, jpegOf } from './gate-video';

const root = resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const lanes = option('lanes', 4);
const trucks = option('trucks', 6);
const fps = option('fps', 5);
const seed = option('seed', 1);

const ROI = { x: 0, y: 0.3, width: 1, height: 0.7 };

function site(): Site {
  return Site.parse({
    schemaVersion: 1,
    id: 'eval',
    name: 'Evaluation gate',
    origin: { latitude: 0, longitude: 0 },
    gates: [
      {
        id: 'gate',
        name: 'Gate',
        position: [0, 0, 0],
        lanes: Array.from({ length: lanes }, (_, i) => ({
          id: `lane-${i + 1}`,
          name: `Lane ${i + 1}`,
          kind: 'inbound',
          start: [i * 4, 0, 10],
          end: [i * 4, 0, -10],
        })),
      },
    ],
    cameras: Array.from({ length: lanes }, (_, i) => ({
      id: `cam-${i + 1}`,
      name: `Lane ${i + 1} plate camera`,
      kind: 'fixed',
      position: [i * 4, 5, 12],
      yawDeg: 0,
      pitchDeg: -20,
      fovDeg: 60,
      source: { type: 'url', url: `media/lane-${i + 1}.webm` },
      // The plate camera's ROI leaves out the lane sign above the lane.
      recognition: { laneId: `lane-${i + 1}`, reads: 'plate', roi: ROI },
    })),
  });
}

/** Declarations for the trucks: per lane, truck 0 green, 1 red, 2 none (unknown plate), and so on. */
function expectationOf(truck: number): 'green' | 'red' | null {
  return (['green', 'red', null] as const)[truck % 3]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clearway-eval-gate-'));
  const store = await openStore({ dir, name: 'eval', migrations });
  const theSite = site();
  const now = new Date().toISOString();
  const plates = Array.from({ length: lanes }, (_, lane) => gatePlates(seed + lane, trucks));
  const statements = plates.flatMap((specs, lane) =>
    specs.flatMap((spec, truck) => {
      const lanePick = expectationOf(truck);
      if (lanePick === null) return [];
      const number = `EVAL-${lane + 1}-${truck}`;
      return [
        {
          sql: `INSERT INTO declarations (number, type_code, office, lodgement_time, declarant_id, declarant_name, transport_mode, vehicle_plate, plate_key,
                  perishable, expedited, aeo, item_count, gross_mass_kg, customs_value_json, source_file, source_format, imported_at, body)
                VALUES (?, 'IMA', 'EVAL', ?, 'T1', 'Trader', 'road', ?, ?, 0, 0, 0, 1, 1000, '{}', 'eval', 'json', ?, '{}')`,
          params: [number, now, spec.text, normalisePlate(spec.text), now],
        },
        {
          sql: `INSERT INTO declaration_queue (number, office, lodgement_time, trader_id, trader_name, aeo, perishable, expedited, priority, lane, engine_lane,
                  score, hits_json, status, sla_due_at, risk_assessed_at, search_text, hs_codes)
                VALUES (?, 'EVAL', ?, 'T1', 'Trader', 0, 0, 0, 0, ?, ?, 0, '[]', 'pending', ?, ?, '', '')`,
          params: [number, now, lanePick, lanePick, now, now],
        },
      ];
    }),
  );
  await store.transaction(statements);
  const policies = theSite.gates[0]!.lanes.map((l) => ({
    sql: "INSERT INTO gate_lane_policies (lane_id, auto_release, updated_at, updated_by) VALUES (?, 1, ?, 'eval')",
    params: [l.id, now],
  }));
  await store.transaction(policies);

  const decisions: GateDecision[] = [];
  const lastLive = new Map<string, LaneLive>();
  const gate = new GateService({ store, clock: systemClock, site: async () => theSite });
  const recognition = new GateRecognition({
    store,
    clock: systemClock,
    site: async () => theSite,
    gate,
    pool: (handlers) =>
      new RecognitionPool({
        modelsDir: join(root, 'resources', 'models'),
        fallbackDirs: [join(root, 'node_modules', '@gutenye', 'ocr-models', 'assets')],
        threads: 2,
        ...handlers,
      }),
    onDecided: (d) => decisions.push(d),
    onLane: (l) => lastLive.set(l.cameraId, l),
    onError: (camera, message) => console.error(`${camera}: ${message}`),
  });

  // Frames made ahead, so drawing does not compete with reading during the replay.
  const videos = plates.map((specs, lane) =>
    [...gateVideo({ seed: seed + lane, trucks: specs })].map((f) => ({ ...f, jpeg: jpegOf(f.image).toString('base64') })),
  );
  // Warm the worker: the models load before the clock starts.
  await recognition.frame({ cameraId: 'cam-1', capturedAt: now, jpegBase64: videos[0]![0]!.jpeg });
  // Until the models have loaded and read that frame (slow on a busy machine).
  while ((recognition.lanes().find((l) => l.cameraId === 'cam-1')?.framesRead ?? 0) === 0)
    await new Promise((done) => setTimeout(done, 250));
  await recognition.settled();
  // Saving a camera's settings starts its lane afresh: the warm-up frame is forgotten.
  const setup = await recognition.setup();
  for (const camera of setup.cameras) await recognition.setCamera({ id: 'eval', name: 'eval' }, camera.cameraId, camera.settings);
  decisions.length = 0;

  const length = Math.max(...videos.map((v) => v.length));
  const started = Date.now();
  for (let f = 0; f < length; f++) {
    // Lanes are staggered by a fraction of a frame, as cameras are.
    for (const [lane, video] of videos.entries()) {
      const frame = video[f];
      if (frame)
        await recognition.frame({ cameraId: `cam-${lane + 1}`, capturedAt: new Date().toISOString(), jpegBase64: frame.jpeg });
    }
    const wait = started + ((f + 1) * 1000) / fps - Date.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
  }
  await new Promise((done) => setTimeout(done, 3_000));
  await recognition.settled();

  let platesRight = 0;
  let expectedDeclarations = 0;
  let declarationsRight = 0;
  let expectedReleases = 0;
  const rows = [];
  for (const [lane, specs] of plates.entries()) {
    for (const [truck, spec] of specs.entries()) {
      const key = normalisePlate(spec.text);
      const decision = decisions.find((d) => d.laneId === `lane-${lane + 1}` && d.plate.text === key) ?? null;
      const expectation = expectationOf(truck);
      if (decision) platesRight++;
      if (expectation !== null) expectedDeclarations++;
      if (expectation === 'green') expectedReleases++;
      if (decision && expectation !== null && decision.declarationNumber === `EVAL-${lane + 1}-${truck}`) declarationsRight++;
      rows.push({
        lane: lane + 1,
        plate: spec.text,
        read: decision?.plate.text ?? null,
        kind: decision?.kind ?? null,
        reasons: decision?.reasons ?? [],
        ms: decision?.decisionMs ?? null,
      });
    }
  }
  const ms = decisions.map((d) => d.decisionMs).sort((a, b) => a - b);
  const live = [...lastLive.values()];
  const perFrame = live.map((l) => l.msPerFrame ?? 0).sort((a, b) => a - b);
  const summary = {
    lanes,
    vehicles: lanes * trucks,
    decisions: decisions.length,
    medianMs: quantile(ms, 0.5),
    p95Ms: quantile(ms, 0.95),
    platesExact: platesRight,
    declarationsMatched: declarationsRight,
    declarationsExpected: expectedDeclarations,
    autoReleased: decisions.filter((d) => d.kind === 'autoReleased').length,
    autoReleaseExpected: expectedReleases,
    framesRead: live.reduce((s, l) => s + l.framesRead, 0),
    framesDropped: live.reduce((s, l) => s + l.framesDropped, 0),
    msPerFrame: quantile(perFrame, 0.5),
  };
  await recognition.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (args.includes('--json')) {
    console.log(
      JSON.stringify({
        results: rows,
        decisions: decisions.map((d) => ({ lane: d.laneId, plate: d.plate, kind: d.kind, reasons: d.reasons, ms: d.decisionMs })),
        summary,
      }),
    );
    return;
  }
  for (const row of rows)
    console.log(
      `lane ${row.lane}  ${row.plate.padEnd(12)} ${String(row.read ?? '—').padEnd(10)} ${String(row.kind ?? 'missed').padEnd(13)} ${row.ms ?? '—'} ms ${row.reasons.join(' ')}`,
    );
  const extra = decisions.length - platesRight;
  if (extra > 0) console.log(`${extra} decision(s) for plates not in the video (misreads or a vehicle decided twice)`);
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(0)}%`);
  console.log(
    `gate: ${summary.vehicles} vehicles on ${lanes} lanes at ${fps} fps, decision median ${summary.medianMs ?? '—'} ms, p95 ${summary.p95Ms ?? '—'} ms; ` +
      `plates ${platesRight}/${summary.vehicles} exact (${pct(platesRight, summary.vehicles)}); declarations matched ${declarationsRight}/${expectedDeclarations}; ` +
      `auto-released ${summary.autoReleased} (expected ${expectedReleases}); frames read ${summary.framesRead}, dropped ${summary.framesDropped}, median ${summary.msPerFrame ?? '—'} ms per frame`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
