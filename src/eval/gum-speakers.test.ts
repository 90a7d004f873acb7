import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor, ActorLayer, Attribution, Span } from '../core/doc.js';
import { answerFor, chainInside, contentsMatch, keptBy, mentionsFor, scoreSpeakers, speechWords, sumSpeakers, type GumSpeakerDoc } from './gum-speakers.js';
import { readGumDocs, renderSpeakerErrors, renderSpeakers, runGumEval } from '../cli/eval-gum.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/gum/speakers/', import.meta.url));
const doc = JSON.parse(readFileSync(`${DIR}speakers.json`, 'utf8')) as GumSpeakerDoc;
const text = doc.text;

function at(s: string, nth = 0): Span {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(s, i + 1);
  assert.ok(i >= 0, `"${s}" is in the fixture`);
  return { start: i, end: i + s.length };
}

const actor = (id: string, type: Actor['type'], names: string[]): Actor => ({
  id, type, name: names[0], aliases: [], rule: 'test',
  mentions: names.map((n) => ({ ...at(n), actor: id, kind: 'name' as const, stage: 'actors', rule: 'test' })),
});

/** What a trawl run could give: hand-made, so the test does not depend on the attribution rules. */
const actors: ActorLayer = {
  actors: [actor('lind', 'person', ['Ana Lind']), actor('union', 'organization', ['Tidewater Union']), actor('bank', 'organization', ['Kestrel Bank'])],
  places: [],
};
const said = (content: string, speaker: string | undefined, source: string | null, rule = 'test'): Attribution => ({
  kind: 'indirect', ...at(content), source, ...(speaker ? { speaker: at(speaker) } : {}), stage: 'attributions', rule,
});
const trawl: Attribution[] = [
  said('the talks had stalled', 'Ana Lind', 'lind'),
  { ...said('We will not sign', 'she', 'lind'), kind: 'direct' },
  // No speaker span: the source actor's mention "Tidewater Union" stands for the gold chain.
  said('the port lost money in March', undefined, 'union'),
  // An unnamed source whose gold speaker has no chain: the spans overlap.
  said('wages were late', 'dock workers', null),
  // "Kestrel Bank" sits inside the gold speaker "Kestrel Bank chairman Omar Diaz" but stands for the bank.
  said('costs rose sharply', 'Kestrel Bank', 'bank'),
];
const lexicon = { speech: ['said', 'told', 'noted', 'believe', 'think', 'denied'], denial: ['denied'], cognition: ['believe'] };

test('the cue filter: "according to" or a speech word, cognition and "think" left out', () => {
  const words = speechWords(lexicon);
  assert.deepEqual([...words].sort(), ['denied', 'noted', 'said', 'told']);
  assert.equal(keptBy(['According', 'to'], words), 'according to');
  assert.equal(keptBy(['told', 'that'], words), 'told');
  assert.equal(keptBy(['believe'], words), null);
  assert.equal(keptBy(['I', 'think'], words), null);
  assert.equal(keptBy([], words), null);
  assert.equal(keptBy(['to', 'according'], words), null);
});

test('content overlap: at least half the shorter span; the best intersection over union answers', () => {
  assert.ok(contentsMatch({ start: 0, end: 10 }, { start: 5, end: 40 }));
  assert.ok(!contentsMatch({ start: 0, end: 10 }, { start: 6, end: 40 }));
  const a = said('the talks had stalled', 'Ana Lind', 'lind');
  const wide = { ...a, start: a.start - 30 };
  assert.equal(answerFor(at('the talks had stalled.'), [wide, a]), a);
  assert.equal(answerFor(at('The union walked out.'), [a]), undefined);
});

test('a span stands for the mention it overlaps best, not every mention nested around it', () => {
  const by = (s: string) => mentionsFor(at(s), doc.entities).map((e) => e.text);
  assert.deepEqual(by('Kestrel Bank'), ['Kestrel Bank']);
  assert.deepEqual(by('Omar Diaz'), ['Kestrel Bank chairman Omar Diaz']);
  assert.deepEqual(by('Ana Lind'), ['Harbour chief Ana Lind']);
});

test('speakers: right by span, by source mention, by unnamed span; wrong; missed; not kept', () => {
  const { items } = scoreSpeakers(doc, trawl, actors, speechWords(lexicon));
  const brief = items.map((i) => `${i.aid}:${i.status}${i.by ? `/${i.by}` : ''}`);
  // a5 ("believe") and a8 (no cue word) are not kept.
  assert.deepEqual(brief, ['a1:right/speaker span', 'a2:right/speaker span', 'a3:right/source mention', 'a4:right/unnamed span', 'a6:wrong', 'a7:missed']);
  const wrong = items.find((i) => i.aid === 'a6');
  assert.equal(wrong?.rightByOverlap, true, 'plain overlap would credit the bank');
  assert.deepEqual(wrong?.trawl, { content: 'costs rose sharply', speaker: 'Kestrel Bank', source: 'bank', sourceName: 'Kestrel Bank', rule: 'test' });
  assert.equal(items.find((i) => i.aid === 'a2')?.goldName, 'Ana Lind');

  const f = sumSpeakers([{ items }]);
  assert.equal(f.kept, 6);
  assert.deepEqual(f.keptBy, { said: 3, 'according to': 1, noted: 1, told: 1 });
  assert.equal(f.found, 5);
  assert.equal(f.right, 4);
  assert.equal(f.accuracyFound, 0.8);
  assert.equal(f.accuracyAll, 4 / 6);
  assert.deepEqual(f.lenient, { right: 5, accuracyFound: 1, accuracyAll: 5 / 6 });
  assert.deepEqual(f.rightBy, { 'speaker span': 2, 'source mention': 1, 'unnamed span': 1 });
});

test('a gold speaker without a chain id takes the one chain of the mentions inside its span', () => {
  assert.equal(chainInside(at('Harbour chief Ana Lind'), doc.entities), '1'); // "Harbour" inside is nested, not outermost
  assert.equal(chainInside(at('Ana Lind said the talks'), doc.entities), null); // no mention lies inside
  assert.equal(chainInside(at('Two dock workers told reporters'), doc.entities), null); // two chains
  const bare = { ...doc, attributions: doc.attributions?.map((g) => (g.aid === 'a1' ? { ...g, speaker: { ...g.speaker!, eid: null } } : g)) };
  const { items } = scoreSpeakers(bare, trawl, actors, speechWords(lexicon));
  assert.equal(items.find((i) => i.aid === 'a1')?.status, 'right');
});

test('readGumDocs keeps the attribution relations', () => {
  const [d] = readGumDocs(DIR);
  assert.equal(d.attributions?.length, 8);
});

test('trawl eval on a GUM folder reports the speakers after the NER table', async () => {
  const r = await runGumEval(readGumDocs(DIR));
  // The counts of gold do not depend on trawl's rules; what it finds does.
  assert.equal(r.speakers.kept, 6);
  assert.ok(r.speakers.found <= 6 && r.speakers.right <= r.speakers.found);
  assert.ok(r.speakers.filter.speechWords.includes('said') && !r.speakers.filter.speechWords.includes('believe'));
  const out = renderSpeakers(r.speakers);
  assert.match(out, /^kept: 6 gold attributions/m);
  assert.match(out, /^speaker accuracy over found: /m);
  assert.match(out, /over all kept \(missed = wrong\)/);
  assert.match(renderSpeakerErrors(r.speakerErrors), /^wrong speakers: \d+$/m);
});
