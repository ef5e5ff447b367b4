import type { Watchlist, WatchlistEntry, WatchlistHit } from '../../../preload/contract/schemas/risk';
import { normalisePlate } from '../../../preload/contract/schemas/gate';
import { normalizeContainerId, normalizeHsCode } from './normalize';
import type { PreparedSubject } from './prepared-subject';
import { TraderNameIndex } from './trader-name-index';

/** A watchlist built for lookups: entries pre-normalized into maps or a name index. */
export interface WatchlistMatcher {
  watchlist: Watchlist;
  match(subject: PreparedSubject): WatchlistHit[];
}

type Found = { entry: WatchlistEntry; matchedField: string; matchedValue: string; similarity: number; itemSequence?: number };

const TRADER_ROLES = [
  { role: 'exporter', id: 'exporterId', name: 'exporterName' },
  { role: 'consignee', id: 'consigneeId', name: 'consigneeName' },
  { role: 'declarant', id: 'declarantId', name: 'declarantName' },
] as const;

function byKey(entries: readonly WatchlistEntry[], key: (entry: WatchlistEntry) => string): Map<string, WatchlistEntry[]> {
  const map = new Map<string, WatchlistEntry[]>();
  for (const entry of entries) {
    const k = key(entry);
    if (k === '') continue;
    const list = map.get(k);
    if (list) list.push(entry);
    else map.set(k, [entry]);
  }
  return map;
}

function traderFinder(watchlist: Watchlist): (subject: PreparedSubject) => Found[] {
  const names = new TraderNameIndex(
    watchlist.entries.map((entry) => ({ name: entry.value, entry })),
    watchlist.similarityThreshold,
  );
  const ids = byKey(watchlist.entries, (entry) => entry.traderId?.trim().toUpperCase() ?? '');
  return ({ subject }) => {
    const found: Found[] = [];
    for (const { role, id, name } of TRADER_ROLES) {
      const traderId = subject[id];
      for (const entry of traderId ? (ids.get(traderId.trim().toUpperCase()) ?? []) : []) {
        found.push({ entry, matchedField: `${role}Id`, matchedValue: traderId as string, similarity: 1 });
      }
      const traderName = subject[name];
      if (!traderName) continue;
      for (const match of names.match(traderName)) {
        found.push({ entry: match.entry, matchedField: `${role}Name`, matchedValue: traderName, similarity: match.similarity });
      }
    }
    return found;
  };
}

function exactFinder(watchlist: Watchlist): (subject: PreparedSubject) => Found[] {
  switch (watchlist.kind) {
    case 'plate': {
      const plates = byKey(watchlist.entries, (entry) => normalisePlate(entry.value));
      return ({ header }) => {
        const plate = header.vehiclePlate?.[0];
        return typeof plate === 'string'
          ? (plates.get(plate) ?? []).map((entry) => ({
              entry,
              matchedField: 'vehiclePlate',
              matchedValue: plate,
              similarity: 1,
            }))
          : [];
      };
    }
    case 'container': {
      const containers = byKey(watchlist.entries, (entry) => normalizeContainerId(entry.value));
      return ({ header }) =>
        (header.containerId ?? []).flatMap((id) =>
          (containers.get(String(id)) ?? []).map((entry) => ({
            entry,
            matchedField: 'containerId',
            matchedValue: String(id),
            similarity: 1,
          })),
        );
    }
    case 'hsPrefix': {
      const prefixes = byKey(watchlist.entries, (entry) => normalizeHsCode(entry.value));
      const lengths = [...new Set([...prefixes.keys()].map((p) => p.length))];
      return ({ items }) =>
        items.flatMap((item) => {
          const hs = String(item.values.hsCode?.[0] ?? '');
          return lengths.flatMap((length) =>
            length <= hs.length
              ? (prefixes.get(hs.slice(0, length)) ?? []).map((entry) => ({
                  entry,
                  matchedField: 'hsCode',
                  matchedValue: hs,
                  similarity: 1,
                  itemSequence: item.sequence,
                }))
              : [],
          );
        });
    }
    case 'trader':
      return traderFinder(watchlist);
  }
}

export function compileWatchlist(watchlist: Watchlist): WatchlistMatcher {
  const find = exactFinder(watchlist);
  return {
    watchlist,
    match(subject) {
      const all = find(subject);
      if (all.length === 0) return [];
      // One hit per entry: the best match (an entry named by exporter and declarant counts once).
      const best = new Map<string, Found>();
      for (const found of all) {
        const seen = best.get(found.entry.id);
        if (!seen || found.similarity > seen.similarity) best.set(found.entry.id, found);
      }
      return [...best.values()].map((found) => ({
        kind: 'watchlist',
        watchlistId: watchlist.id,
        watchlistVersion: watchlist.version,
        watchlistName: watchlist.name,
        listKind: watchlist.kind,
        entryId: found.entry.id,
        entryValue: found.entry.value,
        reason: found.entry.reason,
        matchedField: found.matchedField,
        matchedValue: found.matchedValue,
        ...(found.itemSequence === undefined ? {} : { itemSequence: found.itemSequence }),
        similarity: found.similarity,
        lane: watchlist.lane,
        score: watchlist.score,
        profileId: watchlist.profileId,
      }));
    },
  };
}
