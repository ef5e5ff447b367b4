import type { AreaKind } from './sceneSite';

/** What a scene label names. */
export type LabelKind = AreaKind | 'vehicle' | 'camera';

/**
 * Which label wins when two would overlap (higher wins; the hovered or selected
 * object's label is pinned above all of these). The order follows what an
 * inspector looks for in the overview:
 * - vehicles and containers: the objects of the work, each tied to a declaration
 *   (among them the nearest wins, see LabelLayout);
 * - gates and inspection areas: where trucks are stopped and examined;
 * - yard blocks, berths and buildings: large landmarks, recognisable by shape;
 * - lanes: numbered strips already ordered on the ground beside their gate;
 * - cameras: their frustum and live picture show what they are, and they are
 *   listed by name in "Look through a camera".
 */
export const labelPriority: Readonly<Record<LabelKind, number>> = {
  vehicle: 60,
  gate: 50,
  inspection: 50,
  yard: 40,
  berth: 40,
  building: 30,
  lane: 20,
  camera: 10,
};
