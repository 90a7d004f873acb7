// What a recognized time expression means before it is placed on the calendar: the recognizer
// produces these from the words, the resolver turns them into TIMEX3 values.
import type { Point, Season } from './calendar.js';

/** Units a relative expression counts in. */
export type Unit = 'D' | 'W' | 'M' | 'Q' | 'Y';

/**
 * Where a partly given point lies: `bare` from the tense around it, `last`/`next`/`this` from the
 * publication date, `prev`/`following`/`same` from the time the narrative last mentioned.
 */
export type Rel = 'bare' | 'last' | 'next' | 'this' | 'prev' | 'following' | 'same';

export type Sem =
  /** Fully given on the calendar: "May 2022", "2018", "July 12, 2019". */
  | { k: 'abs'; point: Point }
  /** A month (and day) whose year comes from the context: "March 8", "last June", "April last year". */
  | { k: 'month'; m: number; d?: number; rel: Rel; yearShift?: number }
  /** "Christmas", "last Thanksgiving": a named day by its rule in the lexicon. */
  | { k: 'holiday'; rule: string; rel: Rel }
  /** "on Friday", "last Monday". */
  | { k: 'weekday'; wd: number; rel: Rel }
  | { k: 'season'; s: Season; rel: Rel; y?: number }
  /** "the third quarter", "the quarter" (q absent: the one the narrative is about). */
  | { k: 'quarter'; q?: number; rel: Rel; y?: number; yearShift?: number }
  | { k: 'half'; h: number; y?: number; yearShift?: number }
  /** A calendar unit counted from the publication date or the narrative: "last week", "the previous year". */
  | { k: 'deictic'; unit: Unit | 'WE' | 'DE'; offset: number; base: 'ref' | 'anchor'; edge?: 'START' | 'END' }
  /** An amount of time counted from the publication date or the narrative: "two years ago", "six days later". */
  | { k: 'shift'; unit: Unit; n: number; base: 'ref' | 'anchor' }
  | { k: 'duration'; value: string }
  | { k: 'ref'; value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  | { k: 'set'; value: string }
  /** "the day before last Tuesday": days counted from a day given by `day`. */
  | { k: 'dayFrom'; day: Sem; n: number }
  /** "the week of March 6": the ISO week holding the day. */
  | { k: 'weekOf'; day: Sem }
  /** A time of day on a day given by `day` ("Friday morning", "10:35 a.m."): `t` is TIMEX3's part after T. */
  | { k: 'time'; day: Sem; t: string };

/** A recognized expression: token range [start, end) of its sentence, with the rule that found it. */
export interface Found {
  end: number;
  sem: Sem;
  rule: string;
  mod?: string;
}
