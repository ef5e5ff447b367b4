import { describe, expect, it } from 'vitest';
import { GateEvent, normalisePlate, Plate, plateProblem, RecordGateInput } from '../../../preload/contract/schemas/gate';

describe('plate normalisation', () => {
  it.each([
    ['粤B·12345', '粤B12345'],
    ['粤b 12345', '粤B12345'],
    ['粤B-12345', '粤B12345'],
    ['ab–12.34', 'AB1234'],
    ['ＡＢ１２３４', 'AB1234'],
    ['  wx 9876 ', 'WX9876'],
    ['京A_0001・挂', '京A0001挂'],
  ])('%s → %s', (raw, normalised) => {
    expect(normalisePlate(raw)).toBe(normalised);
    expect(plateProblem(normalised)).toBeNull();
    expect(Plate.safeParse(normalised).success).toBe(true);
  });

  it('says what is wrong with what is not a plate', () => {
    expect(plateProblem('')).toBe('must not be empty');
    expect(plateProblem('A')).toMatch(/2–12 characters/);
    expect(plateProblem('ABCDEFGHIJKLM')).toMatch(/not 13/);
    expect(plateProblem('AB#12')).toMatch(/"#"/);
    expect(plateProblem('ÄB12')).toMatch(/"Ä"/);
    expect(Plate.safeParse('ab1234').success).toBe(false);
    expect(Plate.safeParse('AB 1234').success).toBe(false);
  });
});

describe('gate event schema', () => {
  const base = {
    id: 'e1',
    at: '2026-03-02T08:00:00.000Z',
    laneId: 'lane-1',
    direction: 'arrival',
    plate: 'AB1234',
    recordedBy: 'Li Na (officer.li)',
    declaration: null,
  };

  it('requires a confidence for recognition and refuses one for an officer entry', () => {
    expect(GateEvent.safeParse({ ...base, source: 'officer' }).success).toBe(true);
    expect(GateEvent.safeParse({ ...base, source: 'recognition', confidence: 0.9 }).success).toBe(true);
    expect(GateEvent.safeParse({ ...base, source: 'recognition' }).success).toBe(false);
    expect(GateEvent.safeParse({ ...base, source: 'officer', confidence: 0.9 }).success).toBe(false);
    expect(GateEvent.safeParse({ ...base, source: 'recognition', confidence: 1.2 }).success).toBe(false);
  });

  it('takes only an officer’s entry through the channel: no source or confidence to claim', () => {
    const parsed = RecordGateInput.parse({
      laneId: 'lane-1',
      direction: 'departure',
      plate: ' 粤B·12345 ',
      source: 'recognition',
      confidence: 1,
    });
    expect(parsed).toEqual({ laneId: 'lane-1', direction: 'departure', plate: '粤B·12345' });
    expect(RecordGateInput.safeParse({ laneId: 'lane 1', direction: 'arrival', plate: 'AB1234' }).error?.issues[0]?.path).toEqual(
      ['laneId'],
    );
    expect(
      RecordGateInput.safeParse({ laneId: 'lane-1', direction: 'sideways', plate: 'AB1234' }).error?.issues[0]?.path,
    ).toEqual(['direction']);
  });
});
