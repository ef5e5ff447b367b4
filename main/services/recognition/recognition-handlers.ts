/** The recognition area: gate lane cameras read in a worker, vehicles decided, alerts resolved by officers. */
import { join } from 'node:path';
import type { recognitionChannels } from '../../../preload/contract/channels/recognition';
import type { Area } from '../area';
import { actorOf } from '../auth/accounts';
import type { Core } from '../core';
import type { GateService } from '../gate/gate-service';
import type { SiteService } from '../site/site-service';
import { type FramePool, GateRecognition } from './gate-recognition';
import { RecognitionPool } from './recognition-pool';

export function createRecognitionArea(
  core: Pick<Core, 'store' | 'clock' | 'logger' | 'emit' | 'me' | 'resourcesDir'>,
  deps: { site: Pick<SiteService, 'get'>; gate: Pick<GateService, 'record'>; pool?: () => FramePool },
): Area<typeof recognitionChannels> & { recognition: GateRecognition } {
  const modelsDir = join(core.resourcesDir, 'models');
  const recognition = new GateRecognition({
    store: core.store,
    clock: core.clock,
    site: async () => (await deps.site.get()).site,
    gate: deps.gate,
    pool: (handlers) =>
      deps.pool?.() ??
      new RecognitionPool({
        modelsDir,
        // Outside a build (tests, tsx) the models are read from their npm package.
        fallbackDirs: [join(core.resourcesDir, '..', 'node_modules', '@gutenye', 'ocr-models', 'assets')],
        // Two cores are the norm at a gate workstation: ONNX Runtime takes both while a frame is read.
        threads: 2,
        ...handlers,
      }),
    onLane: (lane) => core.emit('cw:recognition.lane', lane),
    onDecided: (decision) => core.emit('cw:recognition.decided', decision),
    onError: (cameraId, message) => core.logger.warn({ cameraId, err: message }, 'recognition failed on a frame'),
  });
  return {
    recognition,
    async stop() {
      await recognition.close();
    },
    handlers: {
      'cw:recognition.setup': () => recognition.setup(),
      'cw:recognition.setCamera': ({ cameraId, settings }) => recognition.setCamera(actorOf(core.me()), cameraId, settings),
      'cw:recognition.setLanePolicy': (input) => recognition.setLanePolicy(actorOf(core.me()), input),
      'cw:recognition.frame': (input) => recognition.frame(input),
      'cw:recognition.lanes': async () => recognition.lanes(),
      'cw:recognition.decisions': ({ limit, openOnly }) => recognition.list(limit, openOnly),
      'cw:recognition.resolve': (input) => recognition.resolve(actorOf(core.me()), input),
      'cw:recognition.decisionTimes': ({ days }) => recognition.decisionTimes(days),
    },
  };
}
