import { describe, expect, it } from 'vitest';
import { generateDeclarations } from '../../../main/services/declarations/demo-generator';
import { slaDueAt } from '../../../main/services/queue/sla';
import { isValidContainerId } from '../../../preload/contract/schemas/validators/iso6346';

const now = new Date('2026-11-25T12:00:00.000Z');

describe('demo generator', () => {
  const batch = generateDeclarations({ count: 300, seed: 7, now });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateDeclarations({ count: 300, seed: 7, now })).toEqual(batch);
    expect(generateDeclarations({ count: 5, seed: 8, now })).not.toEqual(batch.slice(0, 5));
  });

  it('produces valid containers from real owner prefixes, plates on road, times before the clock', () => {
    for (const d of batch) {
      for (const c of d.containers) {
        expect(isValidContainerId(c.id)).toBe(true);
        expect(['MSCU', 'MAEU', 'MSKU', 'CMAU', 'COSU', 'OOLU', 'EGHU', 'HLXU', 'TGHU']).toContain(c.id.slice(0, 4));
      }
      if (d.transport.mode === 'road') expect(d.transport.vehiclePlate).toBeTruthy();
      expect(new Date(d.lodgementTime).getTime()).toBeLessThanOrEqual(now.getTime());
      expect(new Date(d.arrivalTime!).getTime()).toBeGreaterThan(new Date(d.lodgementTime).getTime());
    }
  });

  it('covers perishables (chapters 03/07/08), AEOs, expedited, road with Chinese plates, every mode', () => {
    const perishable = batch.filter((d) => d.flags.perishable);
    expect(perishable.length).toBeGreaterThan(30);
    for (const d of perishable) for (const g of d.goodsItems) expect(['03', '07', '08']).toContain(g.hsCode.slice(0, 2));
    expect(batch.some((d) => d.flags.aeo)).toBe(true);
    expect(batch.some((d) => d.flags.expedited)).toBe(true);
    expect(batch.some((d) => /^[\u4e00-\u9fff][A-Z]·[A-Z0-9]{5}$/.test(d.transport.vehiclePlate ?? ''))).toBe(true);
    expect(new Set(batch.map((d) => d.transport.mode))).toEqual(new Set(['sea', 'air', 'road', 'rail']));
    expect(batch.some((d) => /[\u4e00-\u9fff]/.test(d.goodsItems[0]!.description))).toBe(true);
  });

  it('keeps most release targets running, a few close to due and a few overdue, even on the strictest lane', () => {
    const minutesLeft = batch.map(
      (d) => (Date.parse(slaDueAt('green', d.flags.perishable, d.lodgementTime, d.arrivalTime)) - now.getTime()) / 60_000,
    );
    const overdue = minutesLeft.filter((m) => m < 0).length;
    const nearDue = minutesLeft.filter((m) => m >= 0 && m < 10).length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue / batch.length).toBeLessThan(0.2);
    expect(nearDue).toBeGreaterThan(0);
    // The generous red-lane target leaves almost nothing overdue.
    const redOverdue = batch.filter(
      (d) => Date.parse(slaDueAt('red', d.flags.perishable, d.lodgementTime, d.arrivalTime)) < now.getTime(),
    ).length;
    expect(redOverdue / batch.length).toBeLessThan(0.05);
  });
});
