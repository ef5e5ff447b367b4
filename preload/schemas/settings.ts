import { z } from 'zod';
import { Locale, Theme } from './common';

/**
 * The one settings schema: electron-store in Electron and `conf` elsewhere both
 * persist exactly this shape (see main/services/settings).
 */
export const Settings = z.object({
  locale: Locale,
  theme: Theme,
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Camera access is refused by the permission handler while this is off. */
  cameraEnabled: z.boolean(),
  office: z.string().max(64),
  /** Central hub for sync; empty means standalone. */
  hubUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  /** Extra origins (camera bridges) the CSP's connect-src and media-src allow. */
  cameraOrigins: z.array(z.url({ protocol: /^(https?|wss?)$/ })).max(64),
  /** The local camera (MediaDeviceInfo.deviceId) webcam sources use when the site names none; empty: the system default. */
  webcamDeviceId: z.string().max(256),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  locale: 'zh-CN',
  theme: 'dark',
  idleLockMinutes: 15,
  cameraEnabled: false,
  office: '',
  hubUrl: '',
  cameraOrigins: [],
  webcamDeviceId: '',
};

/** Fields only a supervisor may change: they widen what the CSP lets the renderer reach. */
export const supervisorOnlySettings: readonly (keyof Settings)[] = ['cameraOrigins'];

export const SettingsPatch = Settings.partial();
