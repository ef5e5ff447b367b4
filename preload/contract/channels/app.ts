/** App information, status, notices, diagnostics and links. */
import { z } from 'zod';
import { AppInfo, AppStatus, DiagnosticsResult, ExternalUrlInput, Notice } from '../schemas/app';
import { Id } from '../schemas/common';
import { channel, none } from '../channel';

export const appChannels = {
  'cw:app.info': channel({ input: none, output: AppInfo, access: 'public' }),
  'cw:app.status': channel({ input: none, output: AppStatus, access: 'public' }),
  'cw:app.notices': channel({ input: none, output: z.array(Notice), access: 'public' }),
  'cw:app.dismissNotice': channel({ input: z.object({ id: Id }), output: none, access: 'workstation' }),
  'cw:app.exportDiagnostics': channel({ input: none, output: DiagnosticsResult, access: 'workstation' }),
  'cw:app.openExternal': channel({ input: ExternalUrlInput, output: none, access: 'workstation' }),
} as const;

export const appEvents = {
  'cw:app.statusChanged': AppStatus,
  'cw:app.notice': Notice,
} as const;
