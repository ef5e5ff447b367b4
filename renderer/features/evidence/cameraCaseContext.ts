import type { TFunction } from 'i18next';
import type { SiteCamera } from '../../../preload/contract/schemas/site';
import type { CaseContext } from './caseTarget';

/** A new case proposed from a camera's snapshot: titled with the camera and the time; the officer names the subject. */
export function cameraCaseContext(t: TFunction, camera: Pick<SiteCamera, 'name' | 'kind'>, locale: string): CaseContext {
  const time = new Intl.DateTimeFormat(locale, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
  return { title: t(camera.kind === '360' ? 'evidence:title.panorama' : 'evidence:title.camera', { camera: camera.name, time }) };
}
