// Map: the states that take part in flows, and an arc for each flow between two states. The
// world outline is world-atlas's Natural Earth 1:110m file, bundled (no tiles, no network).
import { geoArea, geoCentroid, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { useEffect, useMemo, useState } from 'preact/hooks';
import isoNumeric from 'virtual:iso-numeric';
import { useApi } from '../api';
import { Empty, View, categoryColour, nameOf, useActorNames } from '../common';
import { href } from '../route';
import type { FlowPlace, LedgerEntry } from '../types';

const W = 960;
const H = 500;

type Country = Feature<Geometry, { name: string }>;

/** The centre of a country's largest polygon, so France or the United States sit on their mainland. */
function mainCentroid(f: Country): [number, number] {
  const g = f.geometry;
  if (g.type !== 'MultiPolygon') return geoCentroid(f);
  let best: Polygon | null = null;
  let area = -1;
  for (const coords of (g as MultiPolygon).coordinates) {
    const p: Polygon = { type: 'Polygon', coordinates: coords };
    const a = geoArea(p);
    if (a > area) [best, area] = [p, a];
  }
  return geoCentroid(best!);
}

/** Label offsets so that no two place labels overlap: each tries a few lines above and below its marker. */
function placeLabels<T>(items: { p: T & { names: string[] }; xy: [number, number] }[]): { p: T & { names: string[] }; xy: [number, number]; dy: number }[] {
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  return [...items].sort((a, b) => a.xy[0] - b.xy[0]).map((it) => {
    const width = it.p.names.join(' / ').length * 7;
    const [x, y] = it.xy;
    const free = (dy: number) => !boxes.some((b) => x + 6 < b.x1 && x + 6 + width > b.x0 && y + dy - 11 < b.y1 && y + dy + 2 > b.y0);
    const dy = [-5, 14, -19, 28, -33].find(free) ?? -5;
    boxes.push({ x0: x + 6, x1: x + 6 + width, y0: y + dy - 11, y1: y + dy + 2 });
    return { ...it, dy };
  });
}

export function WorldMap() {
  const { data: ledger, error } = useApi<LedgerEntry[]>('ledger');
  const actors = useActorNames();
  const places = useApi<FlowPlace[]>('places');
  const [world, setWorld] = useState<Country[] | null>(null);
  useEffect(() => {
    // Loaded only when the map is opened: the outline is the largest piece of the UI.
    void import('world-atlas/countries-110m.json').then((m) => {
      const topo = m.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
      setWorld((feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>).features);
    });
  }, []);
  const projection = useMemo(() => geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' }), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  const byNumeric = useMemo(() => new Map((world ?? []).map((f) => [String(f.id), f])), [world]);
  const countryOf = (id: string): Country | undefined => (/^[A-Z]{2}$/.test(id) ? byNumeric.get((isoNumeric as Record<string, string>)[id]) : undefined);
  const flows = (ledger ?? []).filter((e) => e.from !== e.to && countryOf(e.from) && countryOf(e.to));
  const involved = new Set(flows.flatMap((e) => [e.from, e.to]).map((id) => (isoNumeric as Record<string, string>)[id]));
  const maxN = Math.max(1, ...flows.map((e) => e.estimates.length));
  const ready = !!ledger && !!world && !!actors && !!places.data;
  // Two names for one port (Najin, Rajin) share one marker.
  const markers = new Map<string, FlowPlace & { names: string[] }>();
  for (const p of places.data ?? []) {
    const key = `${p.lon},${p.lat}`;
    const m = markers.get(key);
    if (m) m.names.push(p.name);
    else markers.set(key, { ...p, names: [p.name] });
  }
  return (
    <View name="map" title="Map" ready={ready} error={error}>
      {ready && (!flows.length ? <Empty>No flows between states yet.</Empty> : (
        <>
          <svg class="map" viewBox={`0 0 ${W} ${H}`} role="group" aria-label="Flows between states on a world map">
            <path d={path({ type: 'Sphere' }) ?? ''} class="sea" />
            {world!.map((f) => <path key={String(f.id)} d={path(f) ?? ''} class={involved.has(String(f.id)) ? 'land involved' : 'land'}><title>{f.properties.name}</title></path>)}
            {flows.map((e, i) => {
              const a = projection(mainCentroid(countryOf(e.from)!))!;
              const b = projection(mainCentroid(countryOf(e.to)!))!;
              // Arcs bend to the left of their direction, so the two ways between a pair stay apart.
              const [mx, my] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
              const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
              const bend = 0.25 + 0.05 * (i % 3);
              const c = [mx + dy * bend, my - dx * bend];
              const label = `${nameOf(actors, e.from)} to ${nameOf(actors, e.to)}: ${e.category}, ${e.estimates.length} estimates`;
              return (
                <a key={e.id} href={href('entry', e.id)} aria-label={label} class="arc">
                  <title>{label}</title>
                  <path d={`M${a[0]},${a[1]} Q${c[0]},${c[1]} ${b[0]},${b[1]}`} fill="none" stroke={categoryColour(e.category)} stroke-width={1.5 + 4 * Math.sqrt(e.estimates.length / maxN)} stroke-linecap="round" />
                  <circle cx={b[0]} cy={b[1]} r={3.5} fill={categoryColour(e.category)} />
                </a>
              );
            })}
            {placeLabels([...markers.values()].map((p) => ({ p, xy: projection([p.lon, p.lat])! }))).map(({ p, xy: [x, y], dy }) => {
              const label = `${p.names.join(' / ')}: named where ${p.reports.length === 1 ? '1 report states' : `${p.reports.length} reports state`} a flow`;
              return (
                <a key={p.names[0]} href={href('search', null, { q: p.names[0] })} aria-label={label} class="place">
                  <title>{label}</title>
                  <rect x={x - 3.5} y={y - 3.5} width={7} height={7} />
                  <text x={x + 6} y={y + dy} class="place-label">{p.names.join(' / ')}</text>
                </a>
              );
            })}
          </svg>
          <ul class="legend" aria-label="Categories">
            {[...new Set(flows.map((e) => e.category))].sort().map((c) => <li key={c}><span class="swatch" style={{ background: categoryColour(c) }} />{c}</li>)}
          </ul>
          <p class="hint">{flows.length} flows between {involved.size} states; a dot marks the receiving end; squares are ports and towns named where a report states a flow. Flows with an organization or person at one end are in the ledger, not on the map.</p>
        </>
      ))}
    </View>
  );
}
