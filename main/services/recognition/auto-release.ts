/**
 * The auto-release rule, as one pure function: a recognised vehicle passes the
 * barrier without an officer only when its lane's policy allows it, its plate
 * was read confidently and expected by exactly one declaration, that declaration
 * is in the green lane and released or releasable, nothing holds it, no watchlist
 * hit, its containers (if it lists any) were read confidently with a valid check
 * digit and are among them, and the face check did not fail. Every rule that
 * fails is named, so the officer's alert says all of them at once.
 */
import type { DeclarationStatus } from '../../../preload/contract/schemas/queue';
import type { BlockingReason, FaceVerdict } from '../../../preload/contract/schemas/recognition';
import type { Lane } from '../../../preload/contract/schemas/risk';

export interface ReleaseRead {
  text: string;
  /** Above the camera's threshold, and (plates) fitted a format or (containers) the check digit agrees. */
  confident: boolean;
}

export interface ReleaseDeclaration {
  number: string;
  /** The risk lane, null when not assessed. */
  lane: Lane | null;
  status: DeclarationStatus | null;
  /** A watchlist entry hit at assessment. */
  watchlistHit: boolean;
  containers: readonly string[];
}

export interface ReleaseInput {
  /** The lane's supervisor policy. */
  autoRelease: boolean;
  plate: ReleaseRead;
  /** The container camera's read of this vehicle, when the lane has one and it read something. */
  container: ReleaseRead | null;
  /** Declarations expecting exactly this plate. */
  exact: readonly ReleaseDeclaration[];
  /** Near-miss candidates (plate a few edits away). */
  nearMisses: number;
  face: FaceVerdict;
}

export interface ReleaseVerdict {
  release: boolean;
  reasons: BlockingReason[];
  /** The declaration the vehicle was matched to, when exactly one expected it. */
  declaration: ReleaseDeclaration | null;
}

/** Statuses from which a release needs no further step: already released, or pending with nothing outstanding. */
const RELEASABLE: ReadonlySet<DeclarationStatus> = new Set(['released', 'pending']);

export function decideRelease(input: ReleaseInput): ReleaseVerdict {
  const reasons: BlockingReason[] = [];
  if (!input.autoRelease) reasons.push('autoReleaseOff');
  if (!input.plate.confident) reasons.push('plateUncertain');
  const declaration = input.exact.length === 1 ? input.exact[0]! : null;
  if (input.exact.length === 0) reasons.push(input.nearMisses > 0 ? 'nearMissOnly' : 'noDeclaration');
  if (input.exact.length > 1) reasons.push('severalDeclarations');
  if (declaration !== null) {
    if (declaration.lane !== 'green') reasons.push('notGreenLane');
    if (declaration.status === 'held') reasons.push('held');
    else if (declaration.status === null || !RELEASABLE.has(declaration.status)) reasons.push('notReleasable');
    if (declaration.watchlistHit) reasons.push('watchlistHit');
    if (declaration.containers.length > 0) {
      if (input.container === null) reasons.push('containerNotRead');
      else if (!input.container.confident) reasons.push('containerUncertain');
      else if (!declaration.containers.includes(input.container.text)) reasons.push('containerMismatch');
    } else if (input.container?.confident) reasons.push('containerMismatch'); // a container on a vehicle declared without one
  }
  if (input.face === 'mismatch') reasons.push('faceMismatch');
  return { release: reasons.length === 0, reasons, declaration };
}
