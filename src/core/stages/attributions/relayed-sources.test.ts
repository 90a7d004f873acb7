// Speakers relayed, described or quoted in the passive (invented sentences, several wordings each).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

/** Attributions as [source, kind, content]. */
function claims(text: string): [string | null, string, string][] {
  const doc = extract(text, '2024-06-01');
  return (doc.layers.attributions?.attributions ?? []).map((a) => [a.source, a.kind, text.slice(a.start, a.end)]);
}
const sourceOf = (got: [string | null, string, string][], content: string) => got.find((c) => c[2] === content)?.[0];

test('"X, briefed by Y, said": the innermost named source is Y, and the aside is no claim', () => {
  const a = claims('Lawmakers, briefed by the NIS, said North Korea had sent troops to Russia.');
  assert.equal(sourceOf(a, 'North Korea had sent troops to Russia'), 'o_nis');
  assert.equal(a.length, 1, JSON.stringify(a));
  const b = claims('Japanese legislators, informed by the Pentagon last week, said Iran had shipped drones to Russia.');
  assert.equal(sourceOf(b, 'Iran had shipped drones to Russia'), 'o_dod');
});

test('"was quoted (by Z) as saying": the subject is the one quoted', () => {
  const a = claims("Russia's defence minister was quoted as saying the shells had arrived by rail.");
  assert.equal(sourceOf(a, 'the shells had arrived by rail'), 'RU');
  const b = claims('Kim Yo Jong was quoted by state media as saying the drills were a provocation.');
  assert.ok(b.some((c) => c[2] === 'the drills were a provocation' && c[0]?.startsWith('p_')), JSON.stringify(b));
});

test('an unnamed body of a state speaks as an organization of that state', () => {
  const a = claims("Ukraine's air force said Russia had fired North Korean missiles at Kyiv.");
  assert.equal(sourceOf(a, 'Russia had fired North Korean missiles at Kyiv'), 'o_ua_force');
  const b = claims("Panama's maritime authority said the tanker had switched off its transponder.");
  assert.equal(sourceOf(b, 'the tanker had switched off its transponder'), 'o_pa_authority');
});

test('a document or possessive names its author; "according to" after a short fronted phrase', () => {
  const a = claims("Tokyo's white paper estimates that China has sold drones to Iran. Seoul's statement says Russia shipped oil to Pyongyang.");
  assert.equal(sourceOf(a, 'China has sold drones to Iran'), 'JP');
  assert.equal(sourceOf(a, 'Russia shipped oil to Pyongyang'), 'KR');
  const b = claims('In return, according to the Pentagon, Moscow paid Pyongyang in food and fuel.');
  assert.equal(sourceOf(b, 'Moscow paid Pyongyang in food and fuel'), 'o_dod');
});

test('a diplomat posted at a body speaks for the state named before the head', () => {
  const a = claims('A Russian diplomat at the UN said the panel was biased. An Iranian envoy to the IAEA said no drones were sold.');
  assert.equal(sourceOf(a, 'the panel was biased'), 'RU');
  assert.equal(sourceOf(a, 'no drones were sold'), 'IR');
  const b = claims('Officials at the U.S. embassy said oil was flowing.');
  assert.notEqual(sourceOf(b, 'oil was flowing'), 'US');
});

test('"its deputy chief" speaks for the body last named', () => {
  const a = claims('The Pentagon released new figures on Monday. Its deputy chief said 11,000 troops had arrived in Kursk.');
  assert.equal(sourceOf(a, '11,000 troops had arrived in Kursk'), 'o_dod');
});

test('short denials: "called the reports fake news", "described the claims as groundless"; "condemned" needs "as"', () => {
  const a = claims('North Korea called the reports fake news. Moscow described the accusations as groundless.');
  assert.deepEqual(a.map((c) => [c[0], c[1]]), [['KP', 'denial'], ['RU', 'denial']]);
  const b = claims('The Security Council condemned the launch as a breach of sanctions. The Security Council condemned the launch.');
  assert.equal(b.length, 1, JSON.stringify(b));
  assert.equal(b[0][2], 'the launch as a breach of sanctions');
});

test('"…, the group said" after a long claim goes to the group named before', () => {
  const a = claims('Harbour Watch Network counted the wagons. Iran moved at least 400 drones to Russian depots between May and July, loading them onto barges on the Caspian and then onto trains, the group said.');
  assert.equal(a.length, 1, JSON.stringify(a));
  assert.equal(a[0][0], 'o_harbour_watch_network');
  assert.ok(a[0][2].startsWith('Iran moved at least 400 drones'));
});

test('"told lawmakers North Korea had …": the listener ends before the claim\'s capitalized subject', () => {
  const a = claims('Kirby told reporters Russia had received the missiles. The minister told the National Assembly that Iran had sent drones.');
  assert.ok(a.some((c) => c[2] === 'Russia had received the missiles'), JSON.stringify(a));
  assert.ok(a.some((c) => c[2] === 'Iran had sent drones'), JSON.stringify(a));
});

test('verbs of showing take an object with a participle; "spoken about" takes what follows "about"', () => {
  const a = claims('Customs data showed Russian exports to Iran doubling in 2023. Satellite images show ships loading coal at Nakhodka. The figures showed a rise, including in oil.');
  assert.deepEqual(a.map((c) => c[2]), ['Russian exports to Iran doubling in 2023', 'ships loading coal at Nakhodka']);
  const b = claims('Kim Yo Jong has spoken openly about the grain shipments. Kim Yo Jong spoke with envoys on Tuesday.');
  assert.deepEqual(b.map((c) => c[2]), ['Kim Yo Jong has spoken openly about the grain shipments']);
});
