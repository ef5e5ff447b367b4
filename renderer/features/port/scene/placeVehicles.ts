import type { Site } from '../../../../preload/contract/schemas/site';
import type { SceneVehicle } from './sceneSite';

/** A declaration the port knows a physical place for. */
export interface PlacedDeclaration {
  number: string;
  /** Under physical inspection: the truck stands in an inspection bay. */
  atInspection: boolean;
  plate: string | null;
  containers: readonly string[];
}

const toRad = Math.PI / 180;

/**
 * Where vehicles and containers stand: a declaration sent to physical inspection
 * has its truck in the next free inspection bay (with its plate), any other
 * declaration's containers wait in the yard, one slot each, filled block by
 * block, row by row. Returns no more than there are bays and slots.
 */
export function placeVehicles(site: Site, declarations: readonly PlacedDeclaration[]): SceneVehicle[] {
  const vehicles: SceneVehicle[] = [];
  const bays = site.inspectionAreas.flatMap((area) =>
    Array.from({ length: area.bays }, (_, i) => {
      const spacing = area.size[0] / area.bays;
      const local = -area.size[0] / 2 + spacing * (i + 0.5);
      const angle = area.rotationDeg * toRad;
      return {
        x: area.position[0] + local * Math.cos(angle),
        y: 0,
        z: area.position[2] + local * Math.sin(angle),
        heading: area.rotationDeg,
      };
    }),
  );
  const slots = site.yardBlocks.flatMap((block) =>
    Array.from({ length: block.rows * block.bays }, (_, i) => {
      const row = Math.floor(i / block.bays);
      const bay = i % block.bays;
      const localX = -block.size[0] / 2 + (block.size[0] / block.bays) * (bay + 0.5);
      const localZ = -block.size[2] / 2 + (block.size[2] / block.rows) * (row + 0.5);
      const angle = block.rotationDeg * toRad;
      // Containers lie along the bay axis: rotated 90° to the block's rows.
      return {
        x: block.position[0] + localX * Math.cos(angle) - localZ * Math.sin(angle),
        y: block.position[1] + block.size[1],
        z: block.position[2] + localX * Math.sin(angle) + localZ * Math.cos(angle),
        heading: block.rotationDeg + 90,
      };
    }),
  );
  let bay = 0;
  let slot = 0;
  for (const d of declarations) {
    if (d.atInspection) {
      const at = bays[bay++];
      if (!at) continue;
      vehicles.push({
        id: `truck-${d.number}`,
        kind: 'truck',
        label: d.plate ?? d.number,
        position: { x: at.x, y: at.y, z: at.z },
        heading: at.heading,
        declarationId: d.number,
      });
      continue;
    }
    for (const container of d.containers) {
      const at = slots[slot++];
      if (!at) break;
      vehicles.push({
        id: `container-${container}`,
        kind: 'container',
        label: container,
        position: { x: at.x, y: at.y, z: at.z },
        heading: at.heading,
        declarationId: d.number,
      });
    }
  }
  return vehicles;
}
