import { useEffect, useState } from 'react';
import type { Site } from '../../../preload/schemas/site';
import { clearway } from '../../app/clearway';
import { placeVehicles, type PlacedDeclaration } from './scene/placeVehicles';
import type { SceneVehicle } from './scene/sceneSite';

const inspectionLimit = 8;
const yardLimit = 12;

async function loadPlaced(): Promise<PlacedDeclaration[]> {
  const api = clearway();
  const [inspection, waiting] = await Promise.all([
    api.invoke('cw:declarations.list', { filter: { statuses: ['inspection'] }, limit: inspectionLimit }),
    api.invoke('cw:declarations.list', { filter: { statuses: ['pending', 'held', 'documentsRequested'] }, limit: yardLimit }),
  ]);
  const rows = [...inspection.rows, ...waiting.rows];
  const details = await Promise.all(rows.map((row) => api.invoke('cw:declarations.get', { id: row.number })));
  return details.map((d) => ({
    number: d.row.number,
    atInspection: d.row.status === 'inspection',
    plate: d.declaration.transport.vehiclePlate ?? null,
    containers: d.declaration.containers.map((c) => c.id),
  }));
}

/** Trucks under inspection and containers waiting in the yard, from the declarations. */
export function useSceneVehicles(site: Site | null): SceneVehicle[] {
  const [vehicles, setVehicles] = useState<SceneVehicle[]>([]);
  useEffect(() => {
    if (!site) return;
    let live = true;
    const refresh = () =>
      loadPlaced().then(
        (placed) => live && setVehicles(placeVehicles(site, placed)),
        // The scene stays useful without them; the queue screen reports declaration errors.
        () => live && setVehicles([]),
      );
    void refresh();
    // Imports change many declarations at once: refresh once they settle.
    let timer: number | undefined;
    const off = clearway().on('cw:declarations.changed', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refresh(), 1500);
    });
    return () => {
      live = false;
      window.clearTimeout(timer);
      off();
    };
  }, [site]);
  return vehicles;
}
