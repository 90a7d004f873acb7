// Groups of people named by faith or by people ("Muslims", "the Rohingya"): no actor of a report's
// flows, but a named mention all the same (GUM, for one, counts them as persons). The nouns come
// from lexicons/groups.json; a noun spelled like its adjective ("Rohingya") names the group only
// where a function word, punctuation or nothing follows it ("the Rohingya, a minority", not
// "Rohingya refugees").
import type { GroupMention, Token } from '../../doc.js';
import type { GroupEntry } from '../../lexicons.js';
import type { Run } from './runs.js';
import { isFunctionWord } from './runs.js';

const compiled = new WeakMap<readonly GroupEntry[], Map<string, GroupEntry>>();

function byName(entries: readonly GroupEntry[]): Map<string, GroupEntry> {
  let map = compiled.get(entries);
  if (!map) compiled.set(entries, (map = new Map(entries.map((e) => [e.name, e]))));
  return map;
}

/** The group a one-word candidate name stands for, if it is one. */
export function groupOf(tokens: Token[], r: Run, entries: readonly GroupEntry[]): GroupMention | undefined {
  if (r.end - r.start !== 1) return undefined;
  const t = tokens[r.start];
  const entry = byName(entries).get(t.text);
  if (!entry) return undefined;
  const next = tokens[r.start + 1];
  if (entry.invariant && next && next.sentence === t.sentence && /^[\p{L}\p{N}]/u.test(next.text) && !isFunctionWord(next.text)) return undefined;
  return { start: t.start, end: t.end, name: entry.name, kind: entry.kind, stage: 'actors', rule: 'group-lexicon' };
}
