import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor, ActorLayer, ActorType, MentionKind } from '../core/doc.js';
import {
  goldCounts,
  goldMentions,
  listErrors,
  mapTrawlMention,
  normalizeSpan,
  scoreDoc,
  sumScores,
  trawlMentions,
  type GumDoc,
} from './gum-ner.js';
import { readGumDocs } from '../cli/eval-gum.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/gum/', import.meta.url));
const doc = JSON.parse(readFileSync(`${FIXTURES}tiny.json`, 'utf8')) as GumDoc;
const text = doc.text;

/** The span of the n-th occurrence of s in the fixture text. */
function at(s: string, nth = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(s, i + 1);
  assert.ok(i >= 0, `"${s}" is in the fixture`);
  return { start: i, end: i + s.length };
}

function actor(id: string, type: ActorType, mentions: [string, MentionKind, number?][]): Actor {
  return {
    id, type, name: id, aliases: [], rule: 'test',
    mentions: mentions.map(([s, kind, nth]) => ({ ...at(s, nth), actor: id, kind, stage: 'actors', rule: 'test' })),
  };
}

/** What a trawl run on the fixture could give: hand-made, so the test does not depend on the actor rules. */
const layer: ActorLayer = {
  actors: [
    actor('lena', 'person', [['Varga', 'short', 0], ['Lena Varga', 'name'], ['The minister', 'descriptor'], ["Varga's", 'short']]),
    actor('tomas', 'person', [['Tomas Reed', 'name']]),
    actor('kestrel', 'organization', [['Kestrel Bank', 'name']]),
    actor('HU', 'country', [['Hungarians', 'demonym'], ['Hungarian', 'demonym', 1]]),
    actor('RU', 'country', [['Kremlin', 'alias']]),
    actor('sea_lark', 'vessel', [['Sea Lark', 'name']]),
  ],
  places: [{ ...at('Porto Vell'), name: 'Porto Vell', stage: 'actors', rule: 'test' }],
};
const mapping = { adjectivalDemonyms: new Set(['Hungarian', 'American', 'British']) };

test('gold: named person/place/organization minspans, possessive cut', () => {
  const gold = goldMentions(doc);
  const spans = gold.map((m) => `${text.slice(m.start, m.end)}/${m.type}`);
  assert.deepEqual(spans, ['Varga/person', 'Minister Lena Varga/person', 'Kestrel Bank/organization', 'Porto Vell/place',
    'Hungarians/person', 'aide Tomas Reed/person', 'Varga/person', 'Kremlin/organization']);
  // Not counted: unnamed mentions ("the Hungarian team"), other types (Tuesday, the tanker Sea Lark).
  assert.deepEqual(goldCounts([gold]), { untyped: 8, person: 5, place: 1, organization: 2 });
});

test('type mapping: countries are places, plural demonyms persons, adjectives, vessels and descriptors dropped', () => {
  const m = (type: ActorType, kind: MentionKind, s: string, nth = 0) => mapTrawlMention(text, type, kind, at(s, nth), mapping);
  assert.equal(m('country', 'alias', 'Kremlin'), 'place');
  assert.equal(m('country', 'demonym', 'Hungarians'), 'person');
  assert.equal(m('country', 'demonym', 'Hungarian', 1), null); // "the Hungarian team": an adjective
  assert.equal(m('vessel', 'name', 'Sea Lark'), null);
  assert.equal(m('person', 'descriptor', 'The minister'), null);
  assert.equal(m('person', 'short', 'Tomas Reed'), 'person');
  assert.equal(m('organization', 'name', 'Kestrel Bank'), 'organization');
  // A bare demonym before punctuation is a noun ("the British."); before a dash-joined word it is not.
  const t2 = 'Talks with the British. The Council on American - Islamic Relations said so.';
  const s2 = (s: string) => ({ start: t2.indexOf(s), end: t2.indexOf(s) + s.length });
  assert.equal(mapTrawlMention(t2, 'country', 'demonym', s2('British'), mapping), 'person');
  assert.equal(mapTrawlMention(t2, 'country', 'demonym', s2('American'), mapping), null);
});

test('trawl mentions: spans normalized, dropped kinds left out', () => {
  const pred = trawlMentions(text, layer, mapping);
  const spans = pred.map((m) => `${text.slice(m.start, m.end)}/${m.type}`).sort();
  assert.deepEqual(spans, ['Hungarians/person', 'Kestrel Bank/organization', 'Kremlin/place', 'Lena Varga/person',
    'Porto Vell/place', 'Tomas Reed/person', 'Varga/person', 'Varga/person']);
});

test('exact matching, untyped and typed counts', () => {
  const gold = goldMentions(doc);
  const pred = trawlMentions(text, layer, mapping);
  const s = scoreDoc(gold, pred);
  // "Lena Varga" vs "Minister Lena Varga" and "Tomas Reed" vs "aide Tomas Reed": not exact, a miss and a false alarm each.
  assert.deepEqual(s.untyped, { tp: 6, fp: 2, fn: 2 });
  assert.ok(s.typed);
  assert.deepEqual(s.typed.person, { tp: 3, fp: 2, fn: 2 });
  // "Kremlin": right span, so it counts untyped; typed it is a missed organization and a false place.
  assert.deepEqual(s.typed.organization, { tp: 1, fp: 0, fn: 1 });
  assert.deepEqual(s.typed.place, { tp: 1, fp: 1, fn: 0 });
  const total = sumScores([s, s]);
  assert.equal(total.untyped.tp, 12);
  assert.equal(total.untyped.precision, 0.75);
  assert.equal(total.untyped.f1, 0.75);
  assert.equal(total.typed?.organization.recall, 0.5);
});

test('untyped systems: a span counts once, typed scores are absent', () => {
  const gold = goldMentions(doc);
  const runs = [{ ...at('Porto Vell'), type: null }, { ...at('Porto Vell'), type: null }, { ...at('Tuesday'), type: null }];
  const s = scoreDoc(gold, runs);
  assert.deepEqual(s.untyped, { tp: 1, fp: 1, fn: 7 });
  assert.equal(s.typed, null);
  assert.equal(sumScores([s]).typed, undefined);
});

test('error listing: misses with what overlaps them, false alarms, type errors', () => {
  const errors = listErrors(doc.id, text, goldMentions(doc), trawlMentions(text, layer, mapping));
  const brief = errors.map((e) => `${e.kind}:${e.text}`);
  assert.deepEqual(brief, ['miss:Minister Lena Varga', 'false-alarm:Lena Varga', 'miss:aide Tomas Reed', 'false-alarm:Tomas Reed', 'type:Kremlin']);
  assert.equal(errors[0].other, '"Lena Varga"/person');
  assert.equal(errors[4].other, 'place');
});

test('normalizeSpan cuts possessives and white space only', () => {
  const t = " Google's  Afghans' U.S.";
  assert.deepEqual(normalizeSpan(t, 0, 10), { start: 1, end: 7 });
  assert.deepEqual(normalizeSpan(t, 11, 19), { start: 11, end: 18 });
  assert.deepEqual(normalizeSpan(t, 20, 24), { start: 20, end: 24 });
});

test('readGumDocs keeps files with an entities array', () => {
  const docs = readGumDocs(FIXTURES);
  assert.deepEqual(docs.map((d) => d.id), ['tiny_invented']);
});

test('a person’s span runs over an "of"/"from" phrase naming a body trawl found, as GUM marks it', () => {
  const t = 'Voters chose Ida Lenk of the Harbour Party and Ove Tamm from Delta Union. Ida Lenk of Norway won.';
  const span = (s: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = t.indexOf(s, i + 1);
    return { start: i, end: i + s.length };
  };
  const mention = (id: string, s: string, kind: MentionKind, nth = 0) => ({ ...span(s, nth), actor: id, kind, stage: 'actors', rule: 'test' });
  const l: ActorLayer = {
    actors: [
      { id: 'ida', type: 'person', name: 'Ida Lenk', aliases: [], rule: 'test', mentions: [mention('ida', 'Ida Lenk', 'name'), mention('ida', 'Ida Lenk', 'short', 1)] },
      { id: 'ove', type: 'person', name: 'Ove Tamm', aliases: [], rule: 'test', mentions: [mention('ove', 'Ove Tamm', 'name')] },
      { id: 'hp', type: 'organization', name: 'Harbour Party', aliases: [], rule: 'test', mentions: [mention('hp', 'Harbour Party', 'name')] },
      { id: 'du', type: 'organization', name: 'Delta Union', aliases: [], rule: 'test', mentions: [mention('du', 'Delta Union', 'name')] },
      { id: 'NO', type: 'country', name: 'Norway', aliases: [], rule: 'test', mentions: [mention('NO', 'Norway', 'name')] },
    ],
    places: [],
  };
  const spans = trawlMentions(t, l, mapping).filter((m) => m.type === 'person').map((m) => t.slice(m.start, m.end));
  // A state after "of" is not a body: the name stays as it is.
  assert.deepEqual(spans, ['Ida Lenk of the Harbour Party', 'Ida Lenk', 'Ove Tamm from Delta Union']);
});
