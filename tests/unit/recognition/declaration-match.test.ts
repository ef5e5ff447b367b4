import { describe, expect, it } from 'vitest';
import { exactMatches, matchDeclarations, nearMissLimit } from '../../../main/services/recognition/declaration-match';

const declared = (number: string, plateKey: string | null, containers: string[] = []) => ({ number, plateKey, containers });

describe('matchDeclarations', () => {
  const open = [
    declared('D-1', '京A12345'),
    declared('D-2', '京A12346'),
    declared('D-3', '沪B99999', ['CSQU3054383']),
    declared('D-4', null, ['MSKU1234565']),
    declared('D-5', '京A1234'),
  ];

  it('puts the declaration expecting exactly the plate first, then near misses by edits', () => {
    const matches = matchDeclarations('京A12345', null, open);
    expect(matches.map((m) => [m.declaration.number, m.distance])).toEqual([
      ['D-1', 0],
      ['D-2', 1],
      ['D-5', 1],
    ]);
    expect(exactMatches(matches).map((m) => m.declaration.number)).toEqual(['D-1']);
  });

  it('finds a one-character misread only as a candidate, never as exact', () => {
    const matches = matchDeclarations('京A12845', null, open);
    expect(exactMatches(matches)).toEqual([]);
    expect(matches[0]).toMatchObject({ declaration: { number: 'D-1' }, distance: 1 });
  });

  it('leaves out plates more edits away than the limit', () => {
    expect(matchDeclarations('粤Z00000', null, open)).toEqual([]);
  });

  it('matches by container alone, also for a declaration without a plate', () => {
    const matches = matchDeclarations('粤Z00000', 'MSKU1234565', open);
    expect(matches).toEqual([{ declaration: open[3], distance: 99, containerMatch: true }]);
  });

  it('marks the container match beside a plate match', () => {
    const matches = matchDeclarations('沪B99999', 'CSQU3054383', open);
    expect(matches[0]).toMatchObject({ declaration: { number: 'D-3' }, distance: 0, containerMatch: true });
  });

  it('allows one edit for short plates and two for longer ones', () => {
    expect(nearMissLimit('AB123')).toBe(1);
    expect(nearMissLimit('京A12345')).toBe(2);
    expect(matchDeclarations('AB123', null, [declared('S', 'AB321')])).toEqual([]);
    expect(matchDeclarations('AB123', null, [declared('S', 'AB124')])).toHaveLength(1);
  });
});
