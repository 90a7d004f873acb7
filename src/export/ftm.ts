// The ledger as FollowTheMoney entities (one JSON object per line), the format Aleph imports.
// Reports → Article; states → PublicBody; bodies → Organization; persons → Person; vessels →
// Vessel; each backed estimate of a flow → Payment (money) or EconomicActivity (anything else),
// from the supplier to the recipient. Things carry `proof` links to the Articles they appear in;
// flows (FtM intervals, which have no proof property) carry the report as `recordId`, its outlet
// as `publisher` and the quoted sentence as `summary`. The mapping is in README.md.
import { firstDay, lastDay } from '../ledger/periods.js';
import type { Estimate, Ledger, LedgerActor, LedgerEntry } from '../ledger/types.js';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-');
export const reportEntityId = (report: string): string => `trawl-report-${safe(report)}`;
export const actorEntityId = (actor: string): string => `trawl-actor-${safe(actor)}`;

const SCHEMA_OF: Record<string, string> = { country: 'PublicBody', organization: 'Organization', person: 'Person', vessel: 'Vessel' };

const FTM_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A TIMEX3 value as an FtM date: as it is when it is a plain date, else the month it starts or ends in. */
function ftmDate(value: string | null, side: 'start' | 'end'): string | null {
  if (!value) return null;
  if (FTM_DATE.test(value)) return value;
  const day = side === 'start' ? firstDay(value) : lastDay(value);
  return day ? day.slice(0, 7) : null;
}

/** Drops empty values so every property holds at least one non-empty string. */
function props(p: Record<string, (string | null | undefined)[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, vs] of Object.entries(p)) {
    const clean = [...new Set(vs.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];
    if (clean.length) out[k] = clean;
  }
  return out;
}

function actorEntity(a: LedgerActor): FtmEntity {
  const schema = SCHEMA_OF[a.type] ?? 'LegalEntity';
  const country = a.country?.toLowerCase() ?? null;
  return {
    id: actorEntityId(a.id),
    schema,
    properties: props({
      name: [a.name],
      alias: a.aliases,
      ...(schema === 'Vessel' ? { flag: [country] } : { country: [country] }),
      proof: a.reports.map(reportEntityId),
    }),
  };
}

function flowEntity(e: LedgerEntry, x: Estimate, n: number): FtmEntity {
  const from = actorEntityId(e.from), to = actorEntityId(e.to);
  const q = x.quantity;
  const amount = q ? q.value ?? q.min ?? q.max : null;
  const common = {
    startDate: [ftmDate(x.since, 'start')],
    endDate: [ftmDate(x.until, 'end')],
    summary: [x.spans[0]?.quote],
    description: [`${e.category}: ${x.item}${q ? ` (${q.text})` : ''}, ${x.status}, according to ${x.source} (${x.report}, ${x.published ?? 'undated'})`],
    recordId: [x.report],
    publisher: [x.outlet],
  };
  const id = `trawl-flow-${safe(e.id)}-${n}`;
  if (e.category === 'money') {
    return { id, schema: 'Payment', properties: props({ payer: [from], beneficiary: [to], purpose: [x.item], amount: [amount === null || amount === undefined ? null : String(amount)], currency: [q?.unit && /^[A-Z]{3}$/.test(q.unit) ? q.unit : null], ...common }) };
  }
  return {
    id,
    schema: 'EconomicActivity',
    properties: props({
      sender: [from], receiver: [to], goodsDescription: [`${x.item}${q ? ` (${q.text})` : ''}`],
      originCountry: [/^[A-Z]{2}$/.test(e.from) ? e.from.toLowerCase() : null], destinationCountry: [/^[A-Z]{2}$/.test(e.to) ? e.to.toLowerCase() : null],
      ...common,
    }),
  };
}

export function toFtm(ledger: Ledger): FtmEntity[] {
  const out: FtmEntity[] = ledger.reports.map((r) => ({
    id: reportEntityId(r.id),
    schema: 'Article',
    properties: props({ title: [r.title ?? r.id], publisher: [r.outlet], publishedAt: [r.published], fileName: [r.path] }),
  }));
  const used = new Set(ledger.entries.flatMap((e) => [e.from, e.to]));
  // States at flow ends are entities even when no report listed them as an actor (a body's state).
  const known = new Set(ledger.actors.map((a) => a.id));
  for (const a of ledger.actors) out.push(actorEntity(a));
  for (const id of used) if (!known.has(id)) out.push(actorEntity({ id, type: /^[A-Z]{2}$/.test(id) ? 'country' : 'organization', name: id, aliases: [], country: /^[A-Z]{2}$/.test(id) ? id : null, reports: [] }));
  for (const e of ledger.entries) e.estimates.forEach((x, i) => x.status !== 'denied' && out.push(flowEntity(e, x, i + 1)));
  return out;
}

export const ftmLines = (ledger: Ledger): string => toFtm(ledger).map((e) => JSON.stringify(e)).join('\n') + '\n';
