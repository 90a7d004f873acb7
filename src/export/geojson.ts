// The ledger as GeoJSON: each state at a flow end as a Point (its representative point), each
// flow as a LineString from supplier to recipient with its figures as properties.
import { formatQuantity } from '../ledger/format.js';
import type { Ledger } from '../ledger/types.js';

export interface Centroid {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

type Position = [number, number];

export interface Feature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: Position } | { type: 'LineString'; coordinates: Position[] };
  properties: Record<string, unknown>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

export function toGeoJson(ledger: Ledger, centroids: Centroid[]): FeatureCollection {
  const at = new Map(centroids.map((c) => [c.code, c]));
  const features: Feature[] = [];
  const states = new Set(ledger.entries.flatMap((e) => [e.from, e.to]).filter((s) => at.has(s)));
  for (const code of [...states].sort()) {
    const c = at.get(code)!;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [c.lon, c.lat] }, properties: { kind: 'state', code, name: c.name,
      outgoing: ledger.entries.filter((e) => e.from === code).length, incoming: ledger.entries.filter((e) => e.to === code).length } });
  }
  for (const e of ledger.entries) {
    const a = at.get(e.from), b = at.get(e.to);
    if (!a || !b) continue;
    const latest = [...e.estimates].reverse().find((x) => x.status !== 'denied' && x.quantity);
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[a.lon, a.lat], [b.lon, b.lat]] }, properties: {
      kind: 'flow', entry: e.id, from: e.from, to: e.to, category: e.category, item: e.item, estimates: e.estimates.length,
      independentSources: e.independentSources, latest: latest ? formatQuantity(latest.quantity) : null, firstReported: e.firstReported,
      lastReported: e.lastReported, conflicts: e.conflicts.length, denials: e.denials.length,
    } });
  }
  return { type: 'FeatureCollection', features };
}
