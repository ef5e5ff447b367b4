import { describe, expect, it } from 'vitest';
import { decideRelease, type ReleaseDeclaration, type ReleaseInput } from '../../../main/services/recognition/auto-release';

const green: ReleaseDeclaration = { number: 'D-1', lane: 'green', status: 'released', watchlistHit: false, containers: [] };

/** A vehicle that passes every rule; each test changes one thing. */
const passing = (change: Partial<ReleaseInput> = {}, declaration: Partial<ReleaseDeclaration> = {}): ReleaseInput => ({
  autoRelease: true,
  plate: { text: '京A12345', confident: true },
  container: null,
  exact: [{ ...green, ...declaration }],
  nearMisses: 0,
  face: 'not-checked',
  ...change,
});

describe('decideRelease', () => {
  it('releases a confident, matching green-lane vehicle whose declaration is released', () => {
    expect(decideRelease(passing())).toEqual({ release: true, reasons: [], declaration: green });
  });

  it('releases a pending (releasable) green declaration, and with a matching face', () => {
    expect(decideRelease(passing({ face: 'match' }, { status: 'pending' })).release).toBe(true);
    expect(decideRelease(passing({ face: 'uncertain' })).release).toBe(true);
  });

  it.each([
    ['autoReleaseOff', passing({ autoRelease: false })],
    ['plateUncertain', passing({ plate: { text: '京A12345', confident: false } })],
    ['noDeclaration', passing({ exact: [] })],
    ['nearMissOnly', passing({ exact: [], nearMisses: 2 })],
    ['severalDeclarations', passing({ exact: [green, { ...green, number: 'D-2' }] })],
    ['notGreenLane', passing({}, { lane: 'red' })],
    ['notGreenLane', passing({}, { lane: null })],
    ['notReleasable', passing({}, { status: 'inspection' })],
    ['notReleasable', passing({}, { status: 'documentsRequested' })],
    ['notReleasable', passing({}, { status: null })],
    ['held', passing({}, { status: 'held' })],
    ['watchlistHit', passing({}, { watchlistHit: true })],
    ['containerNotRead', passing({}, { containers: ['CSQU3054383'] })],
    ['containerUncertain', passing({ container: { text: 'CSQU3054384', confident: false } }, { containers: ['CSQU3054383'] })],
    ['containerMismatch', passing({ container: { text: 'MSKU1234565', confident: true } }, { containers: ['CSQU3054383'] })],
    ['containerMismatch', passing({ container: { text: 'MSKU1234565', confident: true } })],
    ['faceMismatch', passing({ face: 'mismatch' })],
  ] as const)('blocks with %s', (reason, input) => {
    const verdict = decideRelease(input);
    expect(verdict.release).toBe(false);
    expect(verdict.reasons).toEqual([reason]);
  });

  it('releases when the container read is confident and declared', () => {
    const verdict = decideRelease(
      passing({ container: { text: 'CSQU3054383', confident: true } }, { containers: ['CSQU3054383'] }),
    );
    expect(verdict.release).toBe(true);
  });

  it('names every blocking reason at once', () => {
    const verdict = decideRelease(
      passing(
        { autoRelease: false, plate: { text: 'X', confident: false }, face: 'mismatch' },
        { lane: 'red', status: 'held', watchlistHit: true },
      ),
    );
    expect(verdict.reasons).toEqual(['autoReleaseOff', 'plateUncertain', 'notGreenLane', 'held', 'watchlistHit', 'faceMismatch']);
  });
});
