// One sentence as the quantity readers see it, and the draft they return before spans are built.
import type { QuantityChange } from '../../doc.js';

export interface View {
  /** Lowercase words, for the lexicon. */
  w: string[];
  /** Words as written, for capitals. */
  t: string[];
  starts: number[];
  ends: number[];
  /** Tokens inside a time expression ("two years", "2023"): never the figure of an amount. */
  inTime: boolean[];
  /** Tokens inside an actor or place name ("Ukraine 19 jets" is not a model number). */
  inName: boolean[];
}

/** Does token i touch the one before it, with no space between ("US$", "$5", "5%")? */
export const glued = (v: View, i: number): boolean => i > 0 && i < v.w.length && v.starts[i] === v.ends[i - 1];

export const isWordLike = (s: string | undefined): boolean => s !== undefined && /^[\p{L}\p{N}]/u.test(s);

export type ChangeKind = 'verb' | 'comparative';

/** What a reader found, in token indexes of the sentence ([from, to)). */
export interface Draft {
  from: number;
  to: number;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  per?: string;
  approx: boolean;
  vague: boolean;
  rule: string;
  item?: { from: number; to: number };
  change?: QuantityChange;
  /** A change said of a subject ("shipments tripled") or set beside a figure ("..., up 15 percent"). */
  changeKind?: ChangeKind;
  /** The figure is the other side of a comparison ("against a previous peak of 20"). */
  baseline?: boolean;
}

/** Rounds away binary noise (1.7 × 10⁶ = 1700000.0000000002). */
export const tidy = (x: number): number => Number(x.toPrecision(12));
