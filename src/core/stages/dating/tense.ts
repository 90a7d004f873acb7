// Tense as far as dating needs it: is a sentence told in the past (then "the Biden administration"
// need not be current), and does the clause after "eight months later" speak of the present
// ("has evolved", "is") rather than narrate ("returned")?
import type { CompiledTimeWords } from '../times/words.js';

/** Finite past forms that put a whole sentence in the past; participles alone ("elected") do not. */
const PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'made', 'came', 'went', 'took', 'began', 'sent', 'left', 'met', 'saw', 'gave',
  'reported', 'announced', 'signed', 'agreed', 'received', 'wrote', 'added', 'declared', 'claimed', 'noted', 'insisted',
  'ended', 'placed', 'paused', 'approved', 'imposed', 'vetoed', 'launched', 'visited', 'ordered', 'decided', 'allowed',
]);

const PRESENT = new Set(['is', 'are', 'has', 'have', 'remains', 'remain', 'stands', 'stand', 'now', 'today', 'currently', 'still', 'seems', 'appears', 'looks']);

const CLAUSE_END = new Set(['.', ';', ':', '!', '?', '—', '–']);

/** Common irregular past forms ("aid rose under the Biden administration"). */
const IRREGULAR_PAST = new Set([
  'rose', 'fell', 'grew', 'sold', 'bought', 'won', 'lost', 'became', 'brought', 'built', 'drew', 'drove', 'fought', 'found', 'froze',
  'held', 'kept', 'knew', 'led', 'lent', 'meant', 'paid', 'ran', 'sought', 'spent', 'spoke', 'stood', 'struck', 'taught', 'thought',
  'threw', 'understood', 'withdrew', 'overtook', 'undertook', 'shot', 'sank', 'flew', 'broke', 'chose', 'forgot', 'hid', 'rode', 'sat',
]);
// A participle after these is not a past tense of its own ("has approved", "is expected", "to be signed").
const NOT_FINITE_BEFORE = new Set(['has', 'have', 'having', 'is', 'are', 'am', 'be', 'been', 'being', 'will', 'would', 'to', 'get', 'gets']);

/** Is the sentence told in the past, leaving out the tokens [skipFrom, skipTo) of the phrase itself? */
export function sentenceIsPast(words: readonly string[], skipFrom = -1, skipTo = -1): boolean {
  for (let i = 0; i < words.length; i++) {
    if (i >= skipFrom && i < skipTo) continue;
    const w = words[i];
    if (PAST.has(w) || IRREGULAR_PAST.has(w)) return true;
    // a regular past after a subject ("aid increased"), not a participle after an auxiliary
    if (w.length > 4 && /ed$/.test(w) && !/eed$/.test(w) && i > 0 && /^\p{L}/u.test(words[i - 1]) && !NOT_FINITE_BEFORE.has(words[i - 1])) return true;
  }
  return false;
}

/** Does the sentence look ahead anywhere ("will", "is to be", "expected")? Then a past form in it may be a participle of a plan. */
export function sentenceLooksAhead(v: { w: readonly string[]; t: readonly string[] }, W: CompiledTimeWords): boolean {
  for (let i = 0; i < v.w.length; i++) {
    if (v.w[i] === 'may' && v.t[i] !== 'may') continue; // the month
    if (/['’]ll$/.test(v.w[i]) || W.futureCues.at(v.w, i, v.w.length) || W.weakFuture.at(v.w, i, v.w.length)) return true;
  }
  return false;
}

/** Before token `from`, is a present form ("the company said it is confident about ... 1990") nearer than any past one? */
export function presentBefore(words: readonly string[], from: number, look = 20): boolean {
  for (let i = from - 1; i >= 0 && i >= from - look; i--) {
    const w = words[i];
    if (CLAUSE_END.has(w) || PAST.has(w)) return false;
    if (PRESENT.has(w) && w !== 'now' && w !== 'today') return true;
  }
  return false;
}

/** After token `to`, does the clause speak of the present ("that relationship has evolved") before any past form? */
export function presentAfter(words: readonly string[], to: number, look = 12): boolean {
  for (let i = to; i < words.length && i < to + look; i++) {
    const w = words[i];
    if (CLAUSE_END.has(w)) return false;
    if (PAST.has(w)) return false;
    if (PRESENT.has(w)) return true;
  }
  return false;
}

/** Words right before a phrase that move it out of the report's present. */
export function modifierBefore(words: readonly string[], from: number): 'former' | 'incoming' | 'then' | null {
  const w = words[from - 1];
  if (w === 'former' || w === 'ex' || w === 'late' || w === 'ex-' || w === 'erstwhile') return 'former';
  if (w === 'incoming' || w === 'future' || w === 'next' || w === 'president-elect') return 'incoming';
  if (w === 'then' || w === 'then-') return 'then';
  return null;
}

/** Words right before an event or election that put it still ahead ("the upcoming summit"). */
export const AHEAD = new Set(['upcoming', 'coming', 'forthcoming', 'planned', 'scheduled', 'next', 'expected', 'proposed', 'impending']);
