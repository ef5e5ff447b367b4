/**
 * The workstation's services: the shared core, then every area in the order it is
 * built (an area may use the services of the areas above it), joined into the one
 * handler map the hosts dispatch to. A new area adds one line to the list.
 */
import type { IntervalTimer } from './auth/interval-timer';
import type { ThrottlePolicy } from './auth/login-throttle';
import type { ScryptParams } from './auth/password-hash';
import type { Mode } from '../../preload/contract/schemas/common';
import type { HubProbe } from './app/app-status';
import type { OpenExternal } from './app/open-external';
import { createAppArea } from './app/app-handlers';
import { createApprovalsArea } from './approvals/approvals-handlers';
import { joinAreas } from './area';
import { createAuditArea } from './audit/audit-handlers';
import { createAuthArea } from './auth/auth-handlers';
import { createCasesArea } from './cases/case-handlers';
import type { Clock } from './clock';
import { createCore } from './core';
import { createEvidenceArea } from './evidence/evidence-handlers';
import { createGateArea } from './gate/gate-handlers';
import type { ServiceHost } from './handlers';
import type { Logger } from './logging/logger';
import type { PickFiles } from './queue/pick-files';
import { createRecognitionArea } from './recognition/recognition-handlers';
import { createQueueArea } from './queue/queue-handlers';
import { createRiskArea } from './risk/risk-handlers';
import type { SettingsBackend } from './settings/backend';
import { createSettingsArea } from './settings/settings-handlers';
import type { SettingsService } from './settings/settings-service';
import { createShiftsArea } from './shifts/shifts-handlers';
import { createSiteArea } from './site/site-handlers';
import { createSyncArea } from './sync/sync-handlers';
import { createTrainingArea, type TrainingService } from './training/training-handlers';
import type { UploadLimits } from './upload-budget';
import { createWindowsArea, type OpenWindow } from './windows/windows-handlers';

export interface CreateServicesOptions {
  /** The user-data folder: db/, logs/, diagnostics/ live under it. */
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  settingsBackend: SettingsBackend;
  /** Path of sql-wasm.wasm in a packaged app. */
  wasmPath?: string;
  /**
   * The shipped read-only resources folder (demo site, models). Hosts pass it (a packaged
   * Electron app: join(process.resourcesPath, 'resources')); otherwise the nearest
   * resources/ above the services' code that holds the demo site (source, tests, out/main).
   */
  resourcesDir?: string;
  /** Defaults to <dataDir>/logs. */
  logDir?: string;
  clock?: Clock;
  /** Real time for idle lock and sign-in back-off when `clock` is a training session's scenario clock; defaults to `clock`. */
  wallClock?: Clock;
  /** Training runs on its own database file and never mixes with live data. */
  mode?: Mode;
  /** shell.openExternal in Electron; absent in the web host (links open from the browser there). */
  openExternal?: OpenExternal;
  /** Opens the port view or camera wall in a second BrowserWindow (Electron); absent in the web host. */
  openWindow?: OpenWindow;
  /** The main process's file dialog for declaration imports (Electron); absent in the web host, which takes uploads. */
  pickFiles?: PickFiles;
  /** Test seams only. Production code never sets these. */
  testing?: {
    /** Cheaper scrypt so tests do not spend 0.3 s per hash. The default stays N = 2^17. */
    scryptParams?: ScryptParams;
    throttle?: ThrottlePolicy;
    idleTimer?: IntervalTimer;
    probeHub?: HubProbe;
    uploadLimits?: UploadLimits;
  };
}

export type Services = ServiceHost & { settings: SettingsService; logger: Logger; training: TrainingService };

export async function createServices(options: CreateServicesOptions): Promise<Services> {
  const core = await createCore(options);

  const settings = createSettingsArea(core);
  const shifts = createShiftsArea(core);
  const auth = createAuthArea(core, { shifts: shifts.shifts });
  const audit = createAuditArea(core);
  const approvals = createApprovalsArea(core);
  // The status bar reads sync's state, and sync reports hub contact to it: the one cycle, closed by a late read.
  const app = createAppArea(core, { syncStatus: () => sync.sync.status() });
  const site = createSiteArea(core, { status: app.status });
  const cases = createCasesArea(core, { approvals: approvals.approvals });
  const evidence = createEvidenceArea(core, {
    site: site.site,
    cases: cases.cases,
    uploads: cases.uploads,
    evidenceStore: cases.evidenceStore,
  });
  const windows = createWindowsArea(core, { openWindow: options.openWindow });
  const risk = createRiskArea(core, { approvals: approvals.approvals });
  const queue = createQueueArea(core, { risk: risk.risk, approvals: approvals.approvals, pickFiles: options.pickFiles });
  const gate = createGateArea(core, { site: site.site });
  const recognition = createRecognitionArea(core, { site: site.site, gate: gate.gate });
  const sync = createSyncArea(core, { evidenceStore: cases.evidenceStore, status: () => app.status });
  const training = createTrainingArea(core, { queue: queue.queue, gate: gate.gate, risk: risk.risk });

  const areas = joinAreas([
    settings,
    shifts,
    auth,
    audit,
    approvals,
    app,
    site,
    cases,
    evidence,
    windows,
    risk,
    queue,
    gate,
    recognition,
    sync,
    training,
  ]);
  await areas.start();

  let closed = false;
  return {
    handlers: areas.handlers,
    mode: core.mode,
    settings: core.settings,
    logger: core.logger,
    training: training.training,
    session: () => core.session.view(),
    onEvent: (listener) => core.events.on(listener),
    async close() {
      if (closed) return;
      closed = true;
      await areas.stop();
      await core.store.close();
      core.logger.info('services closed');
      await core.logger.close();
    },
  };
}
