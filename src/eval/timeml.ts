// TimeML (.tml) reading and TempEval-3 time-expression scoring, with no file or clock access:
// the CLI reads the files and runs the systems, this module turns TimeML into text plus gold
// TIMEX3 spans, and counts matches.
//
// Measures (UzZaman et al. 2013, SemEval-2013 Task 1): strict extraction (same start and end),
// relaxed extraction (any overlap), both as P/R/F1; value F1 = relaxed F1 × value accuracy over
// the relaxed matches; type accuracy over the relaxed matches.

export interface Timex {
  start: number;
  end: number;
  type: string;
  value: string | null;
}

export interface TimemlDoc {
  /** Creation date YYYY-MM-DD from the CREATION_TIME TIMEX3, or null. */
  dct: string | null;
  /** The <TEXT> element with tags removed and entities decoded: gold offsets point into it. */
  text: string;
  gold: (Timex & { text: string })[];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes XML character references; unknown named ones stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{0,15});/g, (all, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[body] ?? all;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

export function parseTimeml(xml: string): TimemlDoc {
  let dct: string | null = null;
  for (const m of xml.matchAll(/<TIMEX3\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.functionInDocument === 'CREATION_TIME' && a.value) {
      dct = /^\d{4}-\d{2}-\d{2}/.exec(a.value)?.[0] ?? null;
      break;
    }
  }
  const open = xml.search(/<TEXT\b[^>]*>/);
  const close = xml.indexOf('</TEXT>');
  if (open < 0 || close < open) return { dct, text: '', gold: [] };
  const body = xml.slice(xml.indexOf('>', open) + 1, close);
  let text = '';
  const gold: TimemlDoc['gold'] = [];
  const stack: { start: number; attrs: Record<string, string> }[] = [];
  let last = 0;
  for (const m of body.matchAll(/<[^>]*>/g)) {
    text += decodeEntities(body.slice(last, m.index));
    last = m.index + m[0].length;
    const tag = m[0];
    if (/^<TIMEX3\b/.test(tag)) {
      if (!tag.endsWith('/>')) stack.push({ start: text.length, attrs: attributes(tag) });
    } else if (tag === '</TIMEX3>') {
      const o = stack.pop();
      if (o) gold.push({ start: o.start, end: text.length, text: text.slice(o.start, text.length), type: o.attrs.type ?? '', value: o.attrs.value ?? null });
    }
  }
  text += decodeEntities(body.slice(last));
  gold.sort((a, b) => a.start - b.start);
  return { dct, text, gold };
}

export interface TimexCounts {
  gold: number;
  pred: number;
  strict: number;
  /** Gold times with an overlapping prediction, matched one to one. */
  relaxed: number;
  valueRight: number;
  typeRight: number;
}

export interface Match {
  gold: Timex;
  pred: Timex;
}

export const emptyCounts = (): TimexCounts => ({ gold: 0, pred: 0, strict: 0, relaxed: 0, valueRight: 0, typeRight: 0 });

const overlap = (a: Timex, b: Timex): number => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/** One-to-one matching by overlap, largest overlap first; also returns what was left on either side. */
export function matchTimexes(gold: readonly Timex[], pred: readonly Timex[]): { matches: Match[]; missed: Timex[]; extra: Timex[] } {
  const pairs: [number, number, number][] = [];
  // both lists are sorted by start, so each gold time only looks at the predictions near it
  let from = 0;
  for (let g = 0; g < gold.length; g++) {
    while (from < pred.length && pred[from].end <= gold[g].start) from++;
    for (let p = from; p < pred.length && pred[p].start < gold[g].end; p++) {
      const o = overlap(gold[g], pred[p]);
      if (o > 0) pairs.push([o, g, p]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const gUsed = new Set<number>();
  const pUsed = new Set<number>();
  const matches: Match[] = [];
  for (const [, g, p] of pairs) {
    if (gUsed.has(g) || pUsed.has(p)) continue;
    gUsed.add(g);
    pUsed.add(p);
    matches.push({ gold: gold[g], pred: pred[p] });
  }
  return { matches, missed: gold.filter((_, g) => !gUsed.has(g)), extra: pred.filter((_, p) => !pUsed.has(p)) };
}

export function countTimexes(gold: readonly Timex[], pred: readonly Timex[]): TimexCounts & ReturnType<typeof matchTimexes> {
  const sortedGold = [...gold].sort((a, b) => a.start - b.start);
  const sortedPred = [...pred].sort((a, b) => a.start - b.start);
  const m = matchTimexes(sortedGold, sortedPred);
  return {
    ...m,
    gold: gold.length,
    pred: pred.length,
    strict: m.matches.filter((x) => x.gold.start === x.pred.start && x.gold.end === x.pred.end).length,
    relaxed: m.matches.length,
    valueRight: m.matches.filter((x) => x.gold.value !== null && x.gold.value === x.pred.value).length,
    typeRight: m.matches.filter((x) => x.gold.type === x.pred.type).length,
  };
}

export function addCounts(a: TimexCounts, b: TimexCounts): TimexCounts {
  return { gold: a.gold + b.gold, pred: a.pred + b.pred, strict: a.strict + b.strict, relaxed: a.relaxed + b.relaxed, valueRight: a.valueRight + b.valueRight, typeRight: a.typeRight + b.typeRight };
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

const prf = (tp: number, pred: number, gold: number): PRF => {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

export interface TempEvalScores {
  strict: PRF;
  relaxed: PRF;
  valueAccuracy: number;
  valueF1: number;
  typeAccuracy: number;
  typeF1: number;
}

export function tempevalScores(c: TimexCounts): TempEvalScores {
  const strict = prf(c.strict, c.pred, c.gold);
  const relaxed = prf(c.relaxed, c.pred, c.gold);
  const valueAccuracy = c.relaxed ? c.valueRight / c.relaxed : 0;
  const typeAccuracy = c.relaxed ? c.typeRight / c.relaxed : 0;
  return { strict, relaxed, valueAccuracy, valueF1: relaxed.f1 * valueAccuracy, typeAccuracy, typeF1: relaxed.f1 * typeAccuracy };
}
