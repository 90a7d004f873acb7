// Pieces every view uses: actor names, amounts and dates in words, the view frame that tells
// tests (and screen readers) when its data is in.
import type { ComponentChildren } from 'preact';
import { useApi } from './api';
import { href } from './route';
import type { ActorSummary, Estimate, LedgerEntry } from './types';

export function useActorNames(): Map<string, ActorSummary> | null {
  const { data } = useApi<ActorSummary[]>('actors');
  return data ? new Map(data.map((a) => [a.id, a])) : null;
}

export const nameOf = (actors: Map<string, ActorSummary> | null, id: string | null): string => (id ? actors?.get(id)?.name ?? id : '—');

export function ActorLink({ id, actors }: { id: string; actors: Map<string, ActorSummary> | null }) {
  return <a href={href('actor', id)}>{nameOf(actors, id)}</a>;
}

/** "1 report", "3 reports". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function quantityText(q: Estimate['quantity']): string {
  if (!q) return 'no amount';
  if (q.text) return q.text;
  const unit = q.unit && q.unit !== 'item' ? ` ${q.unit}` : '';
  if (q.value !== null) return `${NUMBER.format(q.value)}${unit}`;
  if (q.min !== null && q.max !== null) return `${NUMBER.format(q.min)}–${NUMBER.format(q.max)}${unit}`;
  if (q.min !== null) return `over ${NUMBER.format(q.min)}${unit}`;
  if (q.max !== null) return `up to ${NUMBER.format(q.max)}${unit}`;
  return 'vague amount';
}

/** The newest estimate that gives an amount, else the newest one. */
export function latestEstimate(e: LedgerEntry): Estimate | undefined {
  for (let i = e.estimates.length - 1; i >= 0; i--) if (e.estimates[i].quantity) return e.estimates[i];
  return e.estimates[e.estimates.length - 1];
}

/** A TIMEX3 value or ISO day as a Date at its start (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Www); null otherwise. */
export function timexStart(value: string | null): Date | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|W(\d{2})|(SP|SU|FA|WI)))?/.exec(value);
  if (!m) return null;
  const year = +m[1];
  if (m[2]) return new Date(Date.UTC(year, +m[2] - 1, m[3] ? +m[3] : 1));
  if (m[4]) return new Date(Date.UTC(year, (+m[4] - 1) * 3, 1));
  if (m[5]) return new Date(Date.UTC(year, 0, 1 + (+m[5] - 1) * 7));
  if (m[6]) return new Date(Date.UTC(year, { SP: 2, SU: 5, FA: 8, WI: 11 }[m[6]] ?? 0, 1));
  return new Date(Date.UTC(year, 0, 1));
}

export function View({ name, title, ready, error, children }: { name: string; title: string; ready: boolean; error?: string | null; children?: ComponentChildren }) {
  return (
    <section class="view" data-view={name} data-ready={ready ? 'true' : 'false'} aria-busy={!ready && !error}>
      <h1>{title}</h1>
      {error ? <p class="error" role="alert">{error}</p> : !ready ? <p class="loading">Loading…</p> : children}
    </section>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** Colours for categories and sources: each passes 4.5:1 against white, so they work for text too. */
export const PALETTE = ['#1f5fa8', '#b3401a', '#2e7d32', '#7b3fa0', '#8a6100', '#b0245f', '#00748a', '#5a5a5a', '#3d4fb8', '#7a4a12'];

export const CATEGORY_COLOUR: Record<string, string> = {
  munitions: '#b3401a', missiles: '#b0245f', weapons: '#7b3fa0', troops: '#3d4fb8', labor: '#00748a',
  technology: '#1f5fa8', energy: '#8a6100', food: '#2e7d32', money: '#7a4a12', goods: '#5a5a5a',
};
export const categoryColour = (c: string): string => CATEGORY_COLOUR[c] ?? '#5a5a5a';
