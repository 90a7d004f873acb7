// Narrowing a ledger to what a user asks for: one supplier, recipient or category, and entries
// reported on or after a date (their whole history is kept, so the estimate's evolution shows).
import type { Ledger, LedgerEntry } from './types.js';

export interface LedgerFilter {
  from?: string;
  to?: string;
  category?: string;
  /** ISO day: keep entries with an estimate reported on or after it. */
  since?: string;
  /** A state: keep flows from or to it. */
  actor?: string;
}

export function matchesFilter(e: LedgerEntry, f: LedgerFilter): boolean {
  if (f.from && e.from !== f.from.toUpperCase()) return false;
  if (f.to && e.to !== f.to.toUpperCase()) return false;
  if (f.category && e.category !== f.category.toLowerCase()) return false;
  if (f.actor && e.from !== f.actor.toUpperCase() && e.to !== f.actor.toUpperCase()) return false;
  if (f.since && !e.estimates.some((x) => (x.published ?? '') >= f.since!)) return false;
  return true;
}

export function filterLedger(ledger: Ledger, f: LedgerFilter): Ledger {
  const actor = f.actor?.toUpperCase();
  return {
    ...ledger,
    entries: ledger.entries.filter((e) => matchesFilter(e, f)),
    events: ledger.events.filter((e) => (!actor || e.actors.includes(actor)) && (!f.since || (e.date ?? '') >= f.since.slice(0, (e.date ?? '').length))),
    inconsistencies: ledger.inconsistencies,
  };
}
