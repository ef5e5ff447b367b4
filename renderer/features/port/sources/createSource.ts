/** Builds the source a site camera names; each one is counted in this window's health report. */
import type { SiteCamera } from '../../../../preload/contract/schemas/site';
import type { BaseSourceOptions } from './baseSource';
import type { CameraSource } from './cameraSource';
import { trackSource } from './healthReport';
import { HlsSource } from './hlsSource';
import { MjpegSource } from './mjpegSource';
import { UrlSource } from './urlSource';
import { WebcamSource } from './webcamSource';
import { WhepSource } from './whepSource';

export interface CreateSourceOptions extends BaseSourceOptions {
  /** Settings → camera access; webcams fail with reason 'camera-off' while it is off. */
  cameraEnabled: () => boolean;
  /** The workstation's chosen camera, used when the site camera names no deviceId. */
  preferredDeviceId?: string;
  /** Counted in the status bar's camera health (default true). */
  report?: boolean;
}

export function createCameraSource(camera: Pick<SiteCamera, 'id' | 'source'>, options: CreateSourceOptions): CameraSource {
  const source = build(camera, options);
  return options.report === false ? source : trackSource(source);
}

function build(camera: Pick<SiteCamera, 'id' | 'source'>, options: CreateSourceOptions): CameraSource {
  const spec = camera.source;
  switch (spec.type) {
    case 'webcam':
      return new WebcamSource(camera.id, { ...options, deviceId: spec.deviceId ?? options.preferredDeviceId });
    case 'url':
      return new UrlSource(camera.id, spec.url, spec.loop, options);
    case 'hls':
      return new HlsSource(camera.id, spec.url, options);
    case 'mjpeg':
      return new MjpegSource(camera.id, spec.url, options);
    case 'whep':
      return new WhepSource(camera.id, spec.url, options);
  }
}
