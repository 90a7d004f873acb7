import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNamed, actors, extract, mentionTexts } from '../../../test-support/extract.js';
import { runPipeline } from '../../pipeline.js';
import { loadLexicons } from '../../../node/lexicons.js';
import { firstOnLine } from './index.js';

test('countries by name, capital, metonym and demonym, with ISO ids', () => {
  const text = 'Pyongyang sent North Korean shells. The Kremlin thanked Kyiv’s enemies, and Ukrainians braced. Washington objected.';
  const ids = (s: string) => actorNamed(text, s)?.id;
  assert.equal(ids('Pyongyang'), 'KP');
  assert.equal(ids('North Korean'), 'KP');
  assert.equal(ids('Kremlin'), 'RU');
  assert.equal(ids('Kyiv'), 'UA');
  assert.equal(ids('Ukrainians'), 'UA');
  assert.equal(ids('Washington'), 'US');
});

test('"the North" is North Korea only where the report is about Korea', () => {
  const korean = 'Seoul warned that the North had sent troops.';
  assert.equal(actorNamed(korean, 'the North')?.id, 'KP');
  const other = 'Fighting moved to the North of the country, officials in Chad said.';
  assert.equal(actorNamed(other, 'the North'), undefined);
});

test('a shared demonym goes to the UN member ("American" is the United States)', () => {
  assert.equal(actorNamed('An American estimate was lower.', 'American')?.id, 'US');
});

test('a person with role and affiliation from an apposition, and the body by its name shape', () => {
  const text = '"Trains, not crates," said Mara Lindqvist-Otieno, a senior analyst at the Baltic Harbour Institute. Later, Lindqvist-Otieno added a caveat.';
  const p = actorNamed(text, 'Mara Lindqvist-Otieno');
  assert.ok(p);
  assert.equal(p.type, 'person');
  assert.equal(p.role, 'senior analyst');
  const org = actors(text).find((a) => a.id === p.affiliation);
  assert.equal(org?.name, 'Baltic Harbour Institute');
  assert.equal(org?.type, 'organization');
  assert.deepEqual(mentionTexts(text, p), ['Mara Lindqvist-Otieno', 'Lindqvist-Otieno']);
});

test('affiliation from the words before the name, and from a relative clause', () => {
  const text = 'South Korean lawmaker Choi Min-jun said so. Tomas Verhagen, who teaches at the Delft School of Logistics, disagreed.';
  assert.equal(actorNamed(text, 'Choi Min-jun')?.affiliation, 'KR');
  assert.equal(actorNamed(text, 'Choi Min-jun')?.role, 'lawmaker');
  const v = actorNamed(text, 'Tomas Verhagen');
  const org = actors(text).find((a) => a.id === v?.affiliation);
  assert.equal(org?.name, 'Delft School of Logistics');
});

test('a role phrase before a comma: "the U.S. ambassador to Chile, Ann Rowe"', () => {
  const text = 'Last week the U.S. ambassador to Chile, Ann Rowe, said the cargo was weapons.';
  const p = actorNamed(text, 'Ann Rowe');
  assert.equal(p?.affiliation, 'US');
});

test('titles are stripped from the name and kept as the role', () => {
  const text = 'Captain Ivan Dorofeev, a Ukrainian artillery commander, counted the shells.';
  const p = actorNamed(text, 'Ivan Dorofeev');
  assert.equal(p?.type, 'person');
  assert.equal(p?.affiliation, 'UA');
});

test('a listed public figure keeps the lexicon role and resolves later short mentions', () => {
  const text = 'Vladimir Putin met Kim Jong Un. Putin promised help and Kim promised shells.';
  const putin = actorNamed(text, 'Putin');
  assert.equal(putin?.id, 'p_putin');
  assert.equal(putin?.affiliation, 'RU');
  assert.equal(actorNamed(text, 'Kim')?.id, 'p_kim_ju');
});

test('acronyms in brackets and descriptions resolve to the body named before', () => {
  const text = 'South Korea’s National Intelligence Service (NIS) briefed lawmakers. The spy agency said the NIS had counted containers.';
  const nis = actorNamed(text, 'National Intelligence Service');
  assert.equal(nis?.id, 'o_nis');
  assert.deepEqual(mentionTexts(text, nis).sort(), ['NIS', 'NIS', 'National Intelligence Service', 'The spy agency'].sort());
});

test('an unlisted body acronym in brackets is tied to its full name and later uses', () => {
  const text = 'The Coastal Freight Observatory (CFO) tracked the ship. Analysts at CFO said it was full.';
  const org = actorNamed(text, 'Coastal Freight Observatory');
  assert.deepEqual(mentionTexts(text, org), ['Coastal Freight Observatory', 'CFO', 'CFO']);
});

test('a state’s unnamed body: "Poland’s defence ministry"', () => {
  const text = 'Poland’s defence ministry said the tanks had arrived.';
  const m = actorNamed(text, 'Poland’s defence ministry');
  assert.equal(m?.type, 'organization');
  assert.equal(m?.country, 'PL');
});

test('named vessels after a vessel word or before a vessel apposition', () => {
  const a = 'Two weeks ago the tanker Rasa Mira loaded fuel.';
  assert.equal(actorNamed(a, 'Rasa Mira')?.type, 'vessel');
  const b = 'For a small cargo ship, the Grey Heron has been busy.';
  assert.equal(actorNamed(b, 'Grey Heron')?.type, 'vessel');
});

test('"the Biden administration" stands for the United States', () => {
  const text = 'For the Biden administration, the deal is a problem.';
  assert.equal(actorNamed(text, 'the Biden administration')?.id, 'US');
});

test('no person from sentence openers, places with "the", or capitalized common words', () => {
  const text = 'Meanwhile the Russian Far East said nothing. Standing on the tarmac, officials waited. However, Gold Bridge was closed.';
  assert.deepEqual(actors(text).filter((a) => a.type === 'person'), []);
});

test('every mention span slices to a name the actor is known by', () => {
  const text = 'Kremlin spokesman Dmitry Peskov said Moscow and Beijing agreed; Peskov later denied it.';
  for (const a of actors(text)) {
    for (const m of a.mentions) {
      const surface = text.slice(m.start, m.end);
      assert.ok(surface === a.name || a.aliases.includes(surface), `${surface} is not a name of ${a.id}`);
      assert.equal(m.stage, 'actors');
      assert.ok(m.rule.length > 0);
    }
  }
  assert.equal(actorNamed(text, 'Dmitry Peskov')?.affiliation, 'RU');
});

test('the stage adds a layer without changing the layers before it', () => {
  const lexicons = loadLexicons();
  const { doc } = runPipeline('Seoul said Pyongyang sent shells.', '2024-01-01', { lexicons });
  const segments = doc.layers.segments;
  assert.ok(segments && doc.layers.actors);
  const again = extract('Seoul said Pyongyang sent shells.', '2024-01-01');
  assert.deepEqual(again.layers.segments, segments);
  assert.equal(Object.isFrozen(lexicons), false); // lexicons are shared data, but stages never write to them:
  const before = JSON.stringify(lexicons.countryAliases);
  extract('The North and the South met in Seoul.');
  assert.equal(JSON.stringify(lexicons.countryAliases), before);
});

test('hostile input: thousands of repeated names, titles and descriptions complete with one actor each', () => {
  const unit = 'Kim Jong Un met the spy agency of the Ministry of the Institute for the analyst. The analyst said Kim agreed. ';
  const text = 'South Korea’s National Intelligence Service (NIS) reported. ' + unit.repeat(3000);
  const found = actors(text);
  const kim = found.find((a) => a.id === 'p_kim_ju');
  assert.ok(kim);
  assert.equal(kim.mentions.length, 6000);
  assert.equal(found.filter((a) => a.id === 'p_kim_ju').length, 1);
});

test('a dateline names a place, not an actor or a sender', () => {
  const text = 'SEOUL — North Korea has shipped more shells to Russia, officials said.\nBERLIN (Reuters) — Germany will send tanks to Ukraine.';
  const doc = extract(text);
  const layer = doc.layers.actors;
  assert.ok(layer);
  assert.ok(!layer.actors.some((a) => a.mentions.some((m) => m.start === 0 || text.slice(m.start, m.end) === 'BERLIN')), JSON.stringify(layer.actors.map((a) => a.id)));
  assert.deepEqual(layer.places.filter((p) => p.rule === 'dateline').map((p) => p.name), ['SEOUL', 'BERLIN']);
  assert.ok(layer.actors.some((a) => a.id === 'o_reuters' || a.name === 'Reuters'));
  // A dash inside a sentence is no dateline.
  assert.ok(actors('He said Seoul — not Tokyo — had objected.').some((a) => a.id === 'KR'));
});

test('a dateline is a run first on its line, however long the paragraph before it', () => {
  assert.equal(firstOnLine('Officials met.\n  MOSCOW — more', 17), true);
  assert.equal(firstOnLine('MOSCOW — more', 0), true);
  assert.equal(firstOnLine('Officials met in MOSCOW today', 17), false);
});

test('finding whether a run is first on its line reads only the whitespace before it, not the line', () => {
  // A one-line paragraph: reading back to the line start at every run made the actors stage quadratic.
  const text = 'The ministry said trucks crossed the border. '.repeat(2000) + ' \t Harbour officials agreed.';
  const at = text.lastIndexOf('Harbour');
  let reads = 0;
  const counted = new Proxy(new String(text), {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as unknown as string;
  assert.equal(firstOnLine(counted, at), false);
  assert.ok(reads <= 5, `read ${reads} characters for 4 before the word`);
});
