/**
 * Where a phase's frame time goes, from a Chromium trace: the renderer main
 * thread's CPU time split into script, style + layout, paint, GC and other,
 * and the CPU time of the threads that composite and rasterise (GPU process
 * main thread running SwiftShader, viz compositor, raster workers). Thread CPU
 * time (`tdur`), not wall time: on a shared machine the wall clock mostly
 * measures the neighbours, while CPU time stays with the work itself.
 */
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface FrameCpu {
  /** Milliseconds of renderer main-thread CPU per frame, by kind of work. */
  script: number;
  styleLayout: number;
  paint: number;
  gc: number;
  other: number;
  /** Milliseconds per frame on the GPU, viz and raster threads (SwiftShader lives there). */
  compositeRaster: number;
}

const KIND: Record<string, keyof FrameCpu> = {
  FunctionCall: 'script',
  EventDispatch: 'script',
  FireAnimationFrame: 'script',
  TimerFire: 'script',
  EvaluateScript: 'script',
  RunMicrotasks: 'script',
  'v8.run': 'script',
  UpdateLayoutTree: 'styleLayout',
  Layout: 'styleLayout',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  BlinkGC: 'gc',
};

const COMPOSITE_THREADS = [
  'CrGpuMain',
  'VizCompositorThread',
  'CompositorTileWorker',
  'ThreadPoolForegroundWorker',
  'Compositor',
];

/** Starts tracing; the returned function stops it and attributes the CPU time to `frames` frames. */
export async function traceFrames(cdp: CDPSession): Promise<(frames: number) => Promise<FrameCpu>> {
  const events: TraceEvent[] = [];
  // The protocol types the trace records as plain objects; these are Chromium's trace events.
  const collect = (e: { value: object[] }): void => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8',
    transferMode: 'ReportEvents',
  });
  return async (frames) => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return attribute(events, frames);
  };
}

function attribute(events: TraceEvent[], frames: number): FrameCpu {
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const out: FrameCpu = { script: 0, styleLayout: 0, paint: 0, gc: 0, other: 0, compositeRaster: 0 };
  // The renderer main thread with the most CPU is the page's (there is one page).
  let main: { list: TraceEvent[]; cpu: number } | undefined;
  for (const [key, list] of byThread) {
    const name = threadName.get(key) ?? '';
    const cpu = topLevelCpu(list);
    if (name === 'CrRendererMain' && (!main || cpu > main.cpu)) main = { list, cpu };
    if (COMPOSITE_THREADS.some((n) => name.startsWith(n))) out.compositeRaster += cpu;
  }
  if (main) selfTimeByKind(main.list, out);
  for (const k of Object.keys(out) as (keyof FrameCpu)[]) out[k] = out[k] / 1000 / Math.max(1, frames);
  return out;
}

function sortNested(list: TraceEvent[]): TraceEvent[] {
  return [...list].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

function topLevelCpu(list: TraceEvent[]): number {
  let cpu = 0;
  let end = -Infinity;
  for (const e of sortNested(list)) {
    if (e.ts >= end) {
      cpu += e.tdur ?? 0;
      end = e.ts + (e.dur ?? 0);
    }
  }
  return cpu;
}

/** Each event's own CPU time (minus its children's) goes to the kind of its nearest classified ancestor-or-self. */
function selfTimeByKind(list: TraceEvent[], out: FrameCpu): void {
  const stack: { e: TraceEvent; kind: keyof FrameCpu; childCpu: number }[] = [];
  const close = (until: number) => {
    while (
      stack.length &&
      (stack[stack.length - 1] as { e: TraceEvent }).e.ts + ((stack[stack.length - 1] as { e: TraceEvent }).e.dur ?? 0) <= until
    ) {
      const done = stack.pop() as { e: TraceEvent; kind: keyof FrameCpu; childCpu: number };
      const own = Math.max(0, (done.e.tdur ?? 0) - done.childCpu);
      out[done.kind] += own;
      const parent = stack[stack.length - 1];
      if (parent) parent.childCpu += done.e.tdur ?? 0;
    }
  };
  for (const e of sortNested(list)) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    stack.push({ e, kind: KIND[e.name] ?? parent?.kind ?? 'other', childCpu: 0 });
  }
  close(Infinity);
}
