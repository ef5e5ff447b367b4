import { describe, expect, it } from 'vitest';
import { DeviceTokenInput } from '../../../preload/contract/schemas/sync';
import { conflictValueText, shortId } from '../../../renderer/features/sync/conflictValue';
import { formatSyncTime } from '../../../renderer/features/sync/formatSyncTime';
import { DEVICE_TOKEN, isHubUrl } from '../../../renderer/features/sync/isHubUrl';

describe('sync panel logic', () => {
  it('shows conflict values as text: strings as they are, others as JSON, nothing as null', () => {
    expect(conflictValueText('Seal mismatch')).toBe('Seal mismatch');
    expect(conflictValueText(12)).toBe('12');
    expect(conflictValueText({ kind: 'vehicle', ref: 'SH-A1234' })).toBe('{"kind":"vehicle","ref":"SH-A1234"}');
    expect(conflictValueText(null)).toBeNull();
    expect(conflictValueText('')).toBeNull();
    expect(shortId('0d90a0d3-d2ec-47e4-9925-3c4b1056c530')).toBe('0d90a0d3');
    expect(shortId('c-1')).toBe('c-1');
  });

  it('accepts an empty or http(s) hub URL only', () => {
    expect(isHubUrl('')).toBe(true);
    expect(isHubUrl('https://hub.customs.example:8620')).toBe(true);
    expect(isHubUrl('ftp://hub')).toBe(false);
    expect(isHubUrl('hub.local')).toBe(false);
  });

  it('checks a device token by the same rule as the contract', () => {
    for (const token of [
      'cwd_' + 'a'.repeat(43),
      'cwd_short',
      'cwd_' + 'x'.repeat(19),
      'cwx_' + 'a'.repeat(30),
      'cwd_' + 'a_b-c'.repeat(8),
    ])
      expect(DEVICE_TOKEN.test(token), token).toBe(DeviceTokenInput.safeParse({ token }).success);
  });

  it('formats a sync time with its zone, and nothing for no time', () => {
    expect(formatSyncTime(null, 'en')).toBeNull();
    expect(formatSyncTime('not a time', 'en')).toBeNull();
    expect(formatSyncTime('2026-05-03T10:00:00.000Z', 'en')).toMatch(/\d{2}:\d{2}:\d{2}/);
  });
});
