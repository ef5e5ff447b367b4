import type { MarkerLink } from '../../../preload/contract/schemas/site';
import { clearway } from '../../app/clearway';

/** What following a marker's link means on this workstation. */
export type MarkerAction =
  | { kind: 'declaration'; number: string }
  | { kind: 'case'; id: string }
  | { kind: 'lane'; laneId: string }
  | { kind: 'none'; reason: 'noDeclarationForContainer'; ref: string };

/**
 * Resolves a marker's link: a container number becomes the declaration that
 * lists it (the queue's text search covers container numbers).
 */
export async function resolveMarker(link: MarkerLink): Promise<MarkerAction> {
  switch (link.kind) {
    case 'declaration':
      return { kind: 'declaration', number: link.ref };
    case 'case':
      return { kind: 'case', id: link.ref };
    case 'lane':
      return { kind: 'lane', laneId: link.ref };
    case 'container': {
      const { rows } = await clearway().invoke('cw:queue.list', { filter: { text: link.ref }, limit: 1 });
      const row = rows[0];
      return row
        ? { kind: 'declaration', number: row.number }
        : { kind: 'none', reason: 'noDeclarationForContainer', ref: link.ref };
    }
  }
}
