// Tag and speaker patterns of ordinary news copy (found while scoring trawl against GUM's
// Wikinews attributions), on invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

/** Attributions as [rule, speaker words, content]. */
function claims(text: string): [string, string, string][] {
  const doc = extract(text);
  return (doc.layers.attributions?.attributions ?? []).map((a) => [a.rule, a.speaker ? text.slice(a.speaker.start, a.speaker.end) : '-', text.slice(a.start, a.end)]);
}
const speakerOf = (got: [string, string, string][], content: string) => got.find((c) => c[2] === content)?.[1];

test('a quote after "and said" keeps the sentence speaker; no speaker is read from "to …" or "it was"', () => {
  const text = 'Harbour chief Ana Lind said her office had backed the plan "for months", and said it was "a shame that nobody listened to the crews".';
  const got = claims(text);
  assert.equal(speakerOf(got, 'a shame that nobody listened to the crews'), 'Harbour chief Ana Lind');
  const text2 = 'One poster admitted to being part of the effort: "I loaded the tool and started the flood of requests."';
  assert.ok(!claims(text2).some((c) => c[1].startsWith('to ')), JSON.stringify(claims(text2)));
});

test('a described speaker counts when a quotation or a that-clause follows', () => {
  const got = claims('Some dock workers reported that the cranes had stopped at noon. The move showed that the port was closed.');
  assert.equal(speakerOf(got, 'the cranes had stopped at noon'), 'Some dock workers');
  assert.equal(got.length, 1, 'no claim for "The move showed that"');
});

test('"according to X" opening a that-clause; an inner named speaker holds the claim', () => {
  const got = claims('The paper has learned that according to a posting on the forum, the ferry company is being sued. According to the Tidewater Gazette, Professor Omar Diaz, the chair of the panel, said the harbour was never meant for tankers.');
  assert.equal(speakerOf(got, 'the ferry company is being sued'), 'a posting on the forum');
  assert.equal(speakerOf(got, 'the harbour was never meant for tankers'), 'Omar Diaz');
});

test('"Body role Person … and said": the person speaks', () => {
  const got = claims('Kestrel Bank chairman Omar Diaz wrote to the workers and said the pay would arrive on Friday.');
  assert.equal(speakerOf(got, 'the pay would arrive on Friday'), 'Omar Diaz');
});

test('tags with a long aside after the quote, "As X told Y,", and a time before the claim', () => {
  const got = claims('"It would have been far worse an hour later," Omar Diaz, editor at large at the Tidewater Gazette, said. As Diaz told the Harbour Post, the cranes were old. They estimated by 2030, rising traffic would double the queues.');
  assert.equal(speakerOf(got, 'It would have been far worse an hour later'), 'Omar Diaz');
  assert.equal(speakerOf(got, 'the cranes were old'), 'Diaz');
  assert.equal(speakerOf(got, 'rising traffic would double the queues'), 'They');
});

test('a quotation in the paragraph after "X wrote …:" is X\'s, and the words before the colon are no claim', () => {
  const text = 'Harbour chief Ana Lind wrote on her public account:\n\n"Cool ship, crew. Want to dock it here?"';
  const got = claims(text);
  assert.deepEqual(got, [['quote-after-colon', 'Harbour chief Ana Lind', 'Cool ship, crew. Want to dock it here?']]);
});

test('a lone capitalized word before "said" is a name; "History suggests" is not', () => {
  const got = claims('Jafari said the crews had been treated unfairly. History suggests that such strikes end quickly.');
  assert.equal(speakerOf(got, 'the crews had been treated unfairly'), 'Jafari');
  assert.ok(!got.some((c) => c[1] === 'History'), JSON.stringify(got));
});

test('"…, said Mauer, …" inside a sentence: the whole sentence is the claim', () => {
  const got = claims('Dock owners, said Mauer, are required to open their gates every ten years.');
  assert.deepEqual(got, [['inverted-inside-content', 'Mauer', 'Dock owners, said Mauer, are required to open their gates every ten years']]);
});

test('"X said, “…”" is one direct quotation, not also an indirect claim', () => {
  const got = claims('Harbour chief Ana Lind said, “We are talking to every party that wants a solution.”');
  assert.deepEqual(got.map((c) => c[0]), ['quote-tag-before']);
});

test('a time opening the sentence is no part of the speaker', () => {
  const got = claims('In April a harbour official in Nakhodka said the cranes were idle. Last week the port authority said the cranes were working again.');
  assert.equal(speakerOf(got, 'the cranes were idle'), 'a harbour official in Nakhodka');
  assert.equal(speakerOf(got, 'the cranes were working again'), 'the port authority');
});

test('officials of a place speak for the state it belongs to; envoys and strangers posted there do not', () => {
  const sources = (text: string) => (extract(text).layers.attributions?.attributions ?? []).map((a) => [a.source, a.sourceText ?? null]);
  assert.deepEqual(sources('Officials in Khabarovsk said the builders had arrived.'), [['RU', 'Officials in Khabarovsk']]);
  assert.deepEqual(sources('A customs official in Dandong said the trucks were waiting.'), [['CN', 'A customs official in Dandong']]);
  assert.deepEqual(sources('A Western official in Vladivostok said the port was busy.'), [[null, 'A Western official in Vladivostok']]);
  assert.deepEqual(sources('A reporter in Vladivostok said the port was busy.'), [[null, 'A reporter in Vladivostok']]);
});
