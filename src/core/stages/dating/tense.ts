// Tense as far as dating needs it: is a sentence told in the past (then "the Biden administration"
// need not be current), and does the clause after "eight months later" speak of the present
// ("has evolved", "is") rather than narrate ("returned")?

/** Finite past forms that put a whole sentence in the past; participles alone ("elected") do not. */
const PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'made', 'came', 'went', 'took', 'began', 'sent', 'left', 'met', 'saw', 'gave',
  'reported', 'announced', 'signed', 'agreed', 'received', 'wrote', 'added', 'declared', 'claimed', 'noted', 'insisted',
  'ended', 'placed', 'paused', 'approved', 'imposed', 'vetoed', 'launched', 'visited', 'ordered', 'decided', 'allowed',
]);

const PRESENT = new Set(['is', 'are', 'has', 'have', 'remains', 'remain', 'stands', 'stand', 'now', 'today', 'currently', 'still', 'seems', 'appears', 'looks']);

const CLAUSE_END = new Set(['.', ';', ':', '!', '?', '—', '–']);

/** Is the sentence told in the past, leaving out the tokens [skipFrom, skipTo) of the phrase itself? */
export function sentenceIsPast(words: readonly string[], skipFrom = -1, skipTo = -1): boolean {
  for (let i = 0; i < words.length; i++) {
    if (i >= skipFrom && i < skipTo) continue;
    if (PAST.has(words[i])) return true;
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
