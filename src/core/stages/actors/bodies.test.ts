import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNamed, actors, mentionTexts } from '../../../test-support/extract.js';

test('a demonym and a lowercase agency noun name a body of that state, not the state', () => {
  const cases: [string, string, string][] = [
    ['Lithuanian military intelligence said the convoy had crossed at night.', 'Lithuanian military intelligence', 'LT'],
    ['According to Brazilian customs, the cargo was listed as machine parts.', 'Brazilian customs', 'BR'],
    ['Finnish border guard patrols were doubled after Norwegian naval intelligence warned of drones.', 'Norwegian naval intelligence', 'NO'],
    ['The Indonesian coast guard filmed the trawler as it turned back.', 'The Indonesian coast guard', 'ID'],
    ["Turkey's military intelligence denied it had met the broker.", "Turkey's military intelligence", 'TR'],
  ];
  for (const [text, surface, country] of cases) {
    const body = actorNamed(text, surface);
    assert.equal(body?.type, 'organization', surface);
    assert.equal(body?.country, country, surface);
  }
});

test('an agency noun that modifies another noun leaves the state as the actor', () => {
  for (const text of ['Polish intelligence officials said the parts were German.', 'Kazakh customs records show a rise in May.', 'Mexican intelligence chief Ana Ruiz declined to comment.',
    "Georgia's customs figures show a rise in May.", 'The Latvian intelligence officials declined to comment.']) {
    assert.deepEqual(actors(text).filter((a) => a.type === 'organization').map((a) => a.name), [], text);
  }
  // without an agency noun a bare demonym makes no body either
  assert.equal(actors('Romanian military equipment was seen at the port.').some((a) => a.type === 'organization'), false);
});

test('agency names with "of"/"on" complements, a title word before the head, and the state after "of"', () => {
  const text = 'The General Administration of Customs published the figures. The State Maritime Administration did not. '
    + 'The Office of the Prosecutor General of Moldova opened a case. The UN Panel of Experts on Libya wrote to the council.';
  assert.equal(actorNamed(text, 'General Administration of Customs')?.type, 'organization');
  assert.equal(actorNamed(text, 'State Maritime Administration')?.type, 'organization');
  assert.equal(actorNamed(text, 'Office of the Prosecutor General of Moldova')?.country, 'MD');
  const panel = actorNamed(text, 'UN Panel of Experts on Libya');
  assert.equal(panel?.type, 'organization');
  assert.equal(panel?.country, undefined, 'the state after "on" is the subject, not the owner');
  assert.equal(actors(text).some((a) => a.type === 'person'), false);
  // a leader's administration is no body of its own
  assert.equal(actors('The Obama Administration objected.').some((a) => a.type === 'organization'), false);
  // a title alone before "of" is still an office
  assert.equal(actors('The Secretary General of NATO arrived.').some((a) => a.type === 'organization' && a.name.startsWith('Secretary')), false);
});

test('"Chile\'s Ministry of National Defense" and "the Ministry of National Defense of Chile" are one body', () => {
  const text = "Chile's Ministry of National Defense denied the sale. A week later the Ministry of National Defense of Chile confirmed it, and the Ministry of National Defense published the contract.";
  const body = actorNamed(text, "Chile's Ministry of National Defense");
  assert.equal(body?.country, 'CL');
  assert.equal(body?.name, 'Ministry of National Defense of Chile');
  assert.equal(actorNamed(text, 'Ministry of National Defense of Chile')?.id, body?.id);
  assert.equal(actorNamed(text, 'Ministry of National Defense')?.id, body?.id);
});

test('later short descriptions resolve to the body: "the customs agency", "the prosecutors’ office", "the coast guard"', () => {
  const text = 'The Federal Customs Service of Norway stopped the truck. The customs agency said papers were forged. '
    + 'The Office of the Prosecutor General of Georgia took the case; the prosecutors’ office asked for a hearing. '
    + 'The Vietnamese coast guard escorted the ship out, and the coast guard later released photos.';
  assert.deepEqual(mentionTexts(text, actorNamed(text, 'The customs agency')), ['Federal Customs Service of Norway', 'The customs agency']);
  assert.equal(actorNamed(text, 'the prosecutors’ office')?.name, 'Office of the Prosecutor General of Georgia');
  assert.equal(actorNamed(text, 'the coast guard')?.name, 'The Vietnamese coast guard');
});

test('a state\'s mission abroad is a body of that state, named with its place', () => {
  const cases: [string, string, string][] = [
    ['The Iranian embassy in Caracas declined to comment.', 'The Iranian embassy in Caracas', 'IR'],
    ['The Turkish Embassy in Berlin issued a statement on Monday.', 'Turkish Embassy in Berlin', 'TR'],
    ["Syria's mission to the United Nations rejected the report.", "Syria's mission to the United Nations", 'SY'],
    ['A note from the Belarusian consulate in Warsaw was leaked.', 'the Belarusian consulate in Warsaw', 'BY'],
  ];
  for (const [text, surface, country] of cases) {
    const body = actorNamed(text, surface);
    assert.equal(body?.type, 'organization', surface);
    assert.equal(body?.country, country, surface);
  }
  // the place stays an actor of its own, and "the embassy" later refers back
  const text = 'The Iranian embassy in Caracas declined to comment. Venezuela said nothing, and the embassy later denied it.';
  assert.equal(actorNamed(text, 'Caracas')?.id, 'VE');
  assert.equal(actorNamed(text, 'the embassy')?.name, 'The Iranian embassy in Caracas');
  // "mission" without a place is no body
  assert.equal(actors("Russia's mission was to win time.").some((a) => a.type === 'organization'), false);
});

test('an office named with a title\'s possessive, in capitals or lowercase, and a body named by its seat', () => {
  const capital = "Moldova's Prosecutor General's Office opened a case; later the prosecutor general's office asked for more time.";
  const office = actorNamed(capital, "Moldova's Prosecutor General's Office");
  assert.equal(office?.country, 'MD');
  assert.equal(actorNamed(capital, "the prosecutor general's office")?.id, office?.id);
  assert.equal(actorNamed("Georgia's prosecutor general's office declined to comment.", "Georgia's prosecutor general's office")?.country, 'GE');
  const seat = 'The defence ministry in Ankara denied the report, and Turkey’s defence ministry repeated the denial on Friday.';
  const body = actorNamed(seat, 'The defence ministry in Ankara');
  assert.equal(body?.country, 'TR');
  assert.equal(actorNamed(seat, 'Turkey’s defence ministry')?.id, body?.id);
});

test('a body of a named body: "the UN\'s panel of experts", "a UN expert panel", "the sanctions committee"', () => {
  const cases: [string, string][] = [
    ["The OSCE's panel of experts said the convoy carried shells.", "OSCE's panel of experts"],
    ['An OSCE expert panel said the convoy carried shells.', 'OSCE expert panel'],
    ['The long-delayed NATO panel of experts on Libya reported in May.', 'NATO panel of experts on Libya'],
  ];
  for (const [text, name] of cases) {
    const body = actors(text).find((a) => a.name === name);
    assert.equal(body?.type, 'organization', text);
  }
  const text = 'The UN Security Council’s sanctions committee met on Monday. The committee asked Chad for records.';
  const committee = actors(text).find((a) => a.rule === 'body-of-body');
  assert.equal(committee?.name, "UN Security Council's sanctions committee");
  assert.deepEqual(mentionTexts(text, committee).slice(-1), ['The committee']);
});

test('a capitalized ministry with its seat after "in" is that state\'s ministry', () => {
  const text = 'The Foreign Ministry in Hanoi summoned the envoy. Vietnam’s Foreign Ministry later published the note.';
  const body = actorNamed(text, 'Foreign Ministry in Hanoi');
  assert.equal(body?.country, 'VN');
  assert.equal(actorNamed(text, 'Vietnam’s Foreign Ministry')?.id, body?.id);
  // a body that is only located there is not the state's
  assert.equal(actorNamed('The Mekong Policy Institute in Hanoi published the note.', 'Mekong Policy Institute')?.country, undefined);
});

test('a listed body\'s acronym in brackets is one of its names', () => {
  const text = 'The UN Panel of Experts (PoE) wrote to the council. Later the PoE added an annex.';
  assert.deepEqual(mentionTexts(text, actorNamed(text, 'UN Panel of Experts')), ['UN Panel of Experts', 'PoE', 'PoE']);
});
