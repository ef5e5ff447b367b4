import { useEffect, useState } from 'react';
import type { PresentVehicle } from '../../../preload/contract/schemas/gate';
import type { Site } from '../../../preload/contract/schemas/site';
import { clearway } from '../../app/clearway';
import { placeGateVehicles } from './scene/placeGateVehicles';
import { placeVehicles, type PlacedDeclaration } from './scene/placeVehicles';
import type { SceneVehicle } from './scene/sceneSite';

const inspectionLimit = 8;
const yardLimit = 12;
/** Arrivals drop out of cw:gate.present after the dwell window: look again now and then. */
const gateRefreshMs = 60_000;

async function loadPlaced(): Promise<PlacedDeclaration[]> {
  const api = clearway();
  const [inspection, waiting] = await Promise.all([
    api.invoke('cw:queue.list', { filter: { statuses: ['inspection'] }, limit: inspectionLimit }),
    api.invoke('cw:queue.list', { filter: { statuses: ['pending', 'held', 'documentsRequested'] }, limit: yardLimit }),
  ]);
  const rows = [...inspection.rows, ...waiting.rows];
  const details = await Promise.all(rows.map((row) => api.invoke('cw:queue.get', { id: row.number })));
  return details.map((d) => ({
    number: d.row.number,
    atInspection: d.row.status === 'inspection',
    plate: d.declaration.transport.vehiclePlate ?? null,
    containers: d.declaration.containers.map((c) => c.id),
  }));
}

/** Trucks at the gate lanes, from the gate log. */
async function loadPresent(): Promise<PresentVehicle[]> {
  return clearway().invoke('cw:gate.present', {});
}

/**
 * Everything the scene knows a place for: trucks at the gate lanes (the gate log),
 * trucks under inspection and containers waiting in the yard (the declarations).
 * A truck at the gate is not also drawn in an inspection bay.
 */
export function combineVehicles(
  site: Site,
  placed: readonly PlacedDeclaration[],
  present: readonly PresentVehicle[],
): SceneVehicle[] {
  const atGate = new Set(present.flatMap((v) => (v.declaration ? [v.declaration.number] : [])));
  const gate = placeGateVehicles(
    site,
    present.map((v) => ({
      plate: v.plate,
      laneId: v.laneId,
      arrivedAt: v.arrivedAt,
      declarationNumber: v.declaration?.number ?? null,
    })),
  );
  return [
    ...gate,
    ...placeVehicles(
      site,
      placed.filter((d) => !(d.atInspection && atGate.has(d.number))),
    ),
  ];
}

export function useSceneVehicles(site: Site | null): SceneVehicle[] {
  const [vehicles, setVehicles] = useState<SceneVehicle[]>([]);
  useEffect(() => {
    if (!site) return;
    let live = true;
    let placed: PlacedDeclaration[] = [];
    let present: PresentVehicle[] = [];
    const show = () => live && setVehicles(combineVehicles(site, placed, present));
    const refreshDeclarations = () =>
      loadPlaced().then(
        (next) => {
          placed = next;
          show();
        },
        // The scene stays useful without them; the queue screen reports declaration errors.
        () => {
          placed = [];
          show();
        },
      );
    const refreshGate = () =>
      loadPresent().then(
        (next) => {
          present = next;
          show();
        },
        // The gate screen reports gate log errors; the scene keeps what it had.
        () => undefined,
      );
    void refreshDeclarations();
    void refreshGate();
    // Imports change many declarations at once: refresh once they settle.
    let timer: number | undefined;
    const offDeclarations = clearway().on('cw:queue.changed', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refreshDeclarations(), 1500);
    });
    const offGate = clearway().on('cw:gate.recorded', () => void refreshGate());
    const interval = window.setInterval(() => void refreshGate(), gateRefreshMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
      window.clearInterval(interval);
      offDeclarations();
      offGate();
    };
  }, [site]);
  return vehicles;
}
