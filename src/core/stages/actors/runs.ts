// Runs of capitalized words inside a sentence: the raw material of names. "Center for
// Strategic and International Studies" is one run (lowercase connectors between capitalized
// words stay in); a sentence's first word only joins when the report never writes it in
// lowercase, and never when it is a function word.
import type { Sentence, Token } from '../../doc.js';
import type { Compiled } from './gazetteer.js';
import { FUNCTION_WORDS, CALENDAR_WORDS, OPENER_WORDS } from './words.js';
import { lowerWordsOf } from '../segment/lower.js';

export interface Run {
  start: number; // token index
  end: number; // one past
}

const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'du', 'da', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'ibn', '&']);
const LABELS = new Set(['Image', 'Photo', 'Picture', 'Source', 'Sources', 'Credit', 'Caption', 'Video', 'Map', 'Graphic', 'Note', 'Update', 'Correction', 'Related', 'Read', 'See', 'File']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '—', '–', '-', '…']);

export const isFunctionWord = (w: string): boolean => FUNCTION_WORDS.has(w.toLowerCase());

export function isCapitalized(w: string): boolean {
  // ASCII first letters answer without a pattern; "al-"/"el-" needs a hyphen third
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (!(c >= 97 && c <= 122) && /^\p{Lu}/u.test(w)) return true;
  return w.length > 3 && w.charCodeAt(2) === 45 && /^(?:al|el)-\p{Lu}/u.test(w);
}

/** Is there a line break in text[from, to)? */
function breaksLine(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** Can this token be part of a name? */
function nameLike(tokens: Token[], lower: readonly string[], i: number, first: number, c: Compiled, lowerWords: Set<string>): boolean {
  const w = tokens[i].text;
  // A capitalized function word ("A", "In the New Territories") is no part of a name; listed
  // names that start with one ("The Hague") are matched apart from runs.
  if (!isCapitalized(w) || (CALENDAR_WORDS.has(w) && !monthAsName(tokens, i, first, c)) || w === 'I' || (FUNCTION_WORDS.has(lower[i]) && (w.length === 1 || /\p{Ll}/u.test(w)) && !familyNameAfterGivenName(tokens, i, first, c))) return false;
  // "Image: ...", "Source: ...": a caption or byline label, not a name.
  if (LABELS.has(w) && tokens[i + 1]?.text === ':') return false;
  const opensClause = i === first || OPENERS.has(tokens[i - 1].text);
  if (!opensClause) return true;
  if (c.gazetteer.has(w) || c.starts.has(w) || c.titles.has(w)) return true;
  if (OPENER_WORDS.has(lower[i])) return false;
  return !lowerWords.has(lower[i]);
}

/**
 * "James To", "Frank Over": a capitalized word spelled like a function word, inside a sentence,
 * right after a given name and before a word that is not capitalized, is a family name.
 */
export function familyNameAfterGivenName(tokens: Token[], i: number, first: number, c: Compiled): boolean {
  return i > first && c.firstNames.has(tokens[i - 1].text) && tokens[i].start - tokens[i - 1].end === 1 && !isCapitalized(tokens[i + 1]?.text ?? 'x');
}

/**
 * "Zhang Jun", "Theresa May": a month's name right after a given name or a family name written
 * first, with no number or full stop after it, is part of a person's name, not a date.
 */
function monthAsName(tokens: Token[], i: number, first: number, c: Compiled): boolean {
  const prev = tokens[i - 1]?.text ?? '';
  const next = tokens[i + 1]?.text ?? '';
  return i > first && (c.firstNames.has(prev) || c.surnamesFirst.has(prev)) && tokens[i].start - tokens[i - 1].end === 1
    && next !== '.' && !/^\d/.test(next);
}

/** Does the connector at i ("of", "for the") lead on to a capitalized word? */
function connectsTo(tokens: Token[], lower: readonly string[], i: number, limit: number): boolean {
  let k = i + 1;
  if (k < limit && tokens[k].text === 'the' && tokens[i].text !== 'the') k++;
  return k < limit && isCapitalized(tokens[k].text) && !CALENDAR_WORDS.has(tokens[k].text) && !FUNCTION_WORDS.has(lower[k]);
}

export function capitalizedRuns(text: string, tokens: Token[], sentences: Sentence[], c: Compiled, lowerWords: Set<string>): Run[] {
  const runs: Run[] = [];
  const lower = lowerWordsOf(tokens);
  for (const s of sentences) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      if (!nameLike(tokens, lower, i, s.tokenStart, c, lowerWords)) {
        i++;
        continue;
      }
      const start = i;
      let end = i + 1;
      while (end < s.tokenEnd) {
        const t = tokens[end];
        // A name does not run over a line break (headlines, lists, captions).
        if (breaksLine(text, tokens[end - 1].end, t.start)) break;
        if (nameLike(tokens, lower, end, s.tokenStart, c, lowerWords) && t.start - tokens[end - 1].end <= 1) {
          end++;
        } else if (CONNECTORS.has(t.text) && connectsTo(tokens, lower, end, s.tokenEnd)) {
          end++;
        } else if (/^['’]s$/.test(t.text) && c.titles.has(tokens[end - 1].text) && end + 1 < s.tokenEnd && c.heads.has(tokens[end + 1].text)) {
          end++; // an office's body: "Prosecutor General's Office", "President's Office"
        } else if (t.text === '.' && /^\p{Lu}$/u.test(tokens[end - 1].text) && end + 1 < s.tokenEnd && isCapitalized(tokens[end + 1].text)) {
          end++; // a middle initial: "Joseph R. Biden"
        } else break;
      }
      while (end > start && CONNECTORS.has(tokens[end - 1].text)) end--;
      runs.push({ start, end });
      i = end;
    }
  }
  return runs;
}
