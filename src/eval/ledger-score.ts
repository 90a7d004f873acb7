// The reference ledger scorer (../shared/tools/ledger-score.mjs) ported: gold transfers of every
// report grouped by (from, to, category) over country codes, against a ledger's entries. Same
// rules, same figures, same lines.

export interface GoldLedgerReport {
  id: string;
  gold: {
    actors?: { id: string; country?: string; affiliation?: string }[];
    transfers?: { from: string; to: string; category: string; status: string }[];
  };
}

export interface LedgerJsonLike {
  entries?: { from: string; to: string; category: string; estimates?: { report: string; published: string | null; status: string }[]; denials?: { report?: string }[] }[];
}

export interface LedgerScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  reportsCited: number;
  inDateOrder: number | null;
  denialsFound: number | null;
  notes: string[];
}

const ISO = /^[A-Z]{2}$/;

export function scoreLedger(reports: GoldLedgerReport[], ledger: LedgerJsonLike): LedgerScore {
  const gold = new Map<string, { reports: Set<string>; denied: Set<string> }>();
  for (const d of [...reports].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const actors = new Map((d.gold.actors ?? []).map((a) => [a.id, a]));
    const country = (id: string | null | undefined): string | null => {
      if (ISO.test(id ?? '')) return id!;
      const a = actors.get(id ?? '');
      return a?.country ?? (ISO.test(a?.affiliation ?? '') ? a!.affiliation! : null);
    };
    for (const t of d.gold.transfers ?? []) {
      const from = country(t.from), to = country(t.to);
      if (!from || !to) continue;
      const key = `${from}>${to}:${t.category}`;
      if (!gold.has(key)) gold.set(key, { reports: new Set(), denied: new Set() });
      gold.get(key)!.reports.add(d.id);
      if (t.status === 'denied') gold.get(key)!.denied.add(d.id);
    }
  }

  const pred = new Map<string, { reports: Set<string>; ordered: boolean; denied: Set<string> }>();
  for (const e of ledger.entries ?? []) {
    const key = `${e.from}>${e.to}:${e.category}`;
    if (!pred.has(key)) pred.set(key, { reports: new Set(), ordered: true, denied: new Set() });
    const p = pred.get(key)!;
    let last = '';
    for (const est of e.estimates ?? []) {
      p.reports.add(est.report);
      if (est.status === 'denied') p.denied.add(est.report);
      if ((est.published ?? '') < last) p.ordered = false;
      last = est.published ?? last;
    }
    for (const dn of e.denials ?? []) if (dn.report) p.denied.add(dn.report);
  }

  let tp = 0, repGold = 0, repHit = 0, ordered = 0, denGold = 0, denHit = 0;
  const notes: string[] = [];
  for (const [key, g] of gold) {
    const p = pred.get(key);
    repGold += g.reports.size;
    denGold += g.denied.size;
    if (!p) {
      notes.push(`  missed entry ${key} (${[...g.reports].join(' ')})`);
      continue;
    }
    tp++;
    const hit = [...g.reports].filter((r) => p.reports.has(r));
    repHit += hit.length;
    if (p.ordered) ordered++;
    denHit += [...g.denied].filter((r) => p.denied.has(r)).length;
    if (hit.length < g.reports.size) notes.push(`  ${key}: missing reports ${[...g.reports].filter((r) => !p.reports.has(r)).join(' ')}`);
  }
  for (const k of pred.keys()) if (!gold.has(k)) notes.push(`  extra entry ${k}`);
  const P = pred.size ? tp / pred.size : 0, R = gold.size ? tp / gold.size : 0;
  return {
    precision: P, recall: R, f1: P + R ? (2 * P * R) / (P + R) : 0, gold: gold.size, predicted: pred.size,
    reportsCited: repGold ? repHit / repGold : 0,
    inDateOrder: tp ? ordered / tp : null,
    denialsFound: denGold ? denHit / denGold : null,
    notes,
  };
}

const pc = (x: number): string => (100 * x).toFixed(1);

/** The two lines ledger-score.mjs prints (with its --verbose notes first when asked). */
export function formatLedgerScore(s: LedgerScore, verbose = false): string {
  const lines = verbose ? [...s.notes] : [];
  lines.push(`ledger entries  P ${pc(s.precision)}  R ${pc(s.recall)}  F1 ${pc(s.f1)}  (gold ${s.gold}, pred ${s.predicted})`);
  lines.push(`reports cited in matched entries ${pc(s.reportsCited)}%  estimates in date order ${s.inDateOrder === null ? 'n/a' : pc(s.inDateOrder)}%  denials found ${s.denialsFound === null ? 'n/a' : pc(s.denialsFound)}%`);
  return lines.join('\n') + '\n';
}
