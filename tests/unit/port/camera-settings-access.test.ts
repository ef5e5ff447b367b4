import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../preload/contract/schemas/settings';
import { ManualClock } from '../../../main/services/clock';
import { ServiceError } from '../../../main/services/errors';
import { migrations } from '../../../main/services/migrations';
import { SettingsService } from '../../../main/services/settings/settings-service';
import { openMemoryStore } from '../services/memory-store';
import { testUser } from '../../support/users';

async function service() {
  let stored: unknown = {};
  const store = await openMemoryStore(migrations);
  const settings = new SettingsService({
    backend: { read: () => stored, write: (next: Settings) => void (stored = next) },
    store,
    clock: new ManualClock(),
    onRepaired: () => undefined,
    onChanged: () => undefined,
  });
  return { settings, store };
}

describe('camera settings access', () => {
  it('lets only a supervisor widen the camera origins, and says who can', async () => {
    const { settings } = await service();
    const error = await settings
      .update(testUser('inspector'), { cameraOrigins: ['https://cams.gate3.example'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('FORBIDDEN');
    expect((error as ServiceError).message).toMatch(/cameraOrigins.*supervisor/);
    expect(settings.get().cameraOrigins).toEqual([]);
    const saved = await settings.update(testUser('supervisor'), { cameraOrigins: ['https://cams.gate3.example'] });
    expect(saved.cameraOrigins).toEqual(['https://cams.gate3.example']);
  });

  it('lets any officer choose the local camera, and audits the choice', async () => {
    const { settings, store } = await service();
    expect(defaultSettings.webcamDeviceId).toBe('');
    const saved = await settings.update(testUser('inspector'), { webcamDeviceId: 'cam-usb-2' });
    expect(saved.webcamDeviceId).toBe('cam-usb-2');
    const audit = await store.query("SELECT detail FROM audit WHERE action = 'settings.update'");
    expect(JSON.stringify(audit)).toContain('cam-usb-2');
  });

  it('does not refuse an unchanged origin list sent with another field', async () => {
    const { settings } = await service();
    const saved = await settings.update(testUser('officer'), { webcamDeviceId: 'x', cameraOrigins: [] });
    expect(saved.webcamDeviceId).toBe('x');
  });

  it('refuses a device id longer than the schema allows, naming the field', async () => {
    const { settings } = await service();
    const error = (await settings
      .update(testUser('officer'), { webcamDeviceId: 'x'.repeat(257) })
      .catch((e: unknown) => e)) as ServiceError;
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.issues?.map((i) => i.path)).toContain('webcamDeviceId');
  });
});
