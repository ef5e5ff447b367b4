import type { WallGroup } from '../../../../preload/contract/schemas/settings';
import { clearway } from '../../../app/clearway';
import { useSettings } from '../../../app/settingsStore';

/**
 * Saves one site's wall groups in the workstation settings. The services
 * broadcast cw:settings.changed, so every other window follows; this window
 * takes the answer at once rather than waiting for its own echo.
 */
export async function saveWallGroups(siteId: string, groups: WallGroup[]): Promise<void> {
  const settings = await clearway().invoke('cw:settings.saveCameraGroups', { siteId, groups });
  useSettings.getState().replace(settings);
}
