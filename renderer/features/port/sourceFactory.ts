import type { SiteCamera } from '../../../preload/contract/schemas/site';
import { useSettings } from '../../app/settingsStore';
import type { CameraSource } from './sources/cameraSource';
import { createCameraSource } from './sources/createSource';

/** One place the port view and the wall make sources, so both follow the camera settings (access and chosen device). */
export function createSiteSource(camera: SiteCamera): CameraSource {
  const { webcamDeviceId } = useSettings.getState().settings;
  return createCameraSource(camera, {
    cameraEnabled: () => useSettings.getState().settings.cameraEnabled,
    preferredDeviceId: webcamDeviceId || undefined,
  });
}
