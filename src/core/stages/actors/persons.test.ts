// Person recognition: what makes a capitalized run a person's name, and what does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNamed, actors, extract, mentionTexts } from '../../../test-support/extract.js';

const persons = (text: string) => actors(text).filter((a) => a.type === 'person').map((a) => a.name);

test('a given name spelled like a common word, before a common word, is no person by itself', () => {
  const text = 'Fans queued outside the Red Cross tent before the Star Wars screening at the Art Gallery downtown.';
  assert.deepEqual(persons(text), []);
});

test('such a name is a person with one more piece of evidence, and a rarer family name is enough', () => {
  assert.deepEqual(persons('Mark Price said the queue was long.'), ['Mark Price']);
  assert.deepEqual(persons('Tickets were sold out, according to Jack Nakamura.'), ['Jack Nakamura']);
});

test('two or three capitalized words are a name unless every word is a common English word', () => {
  assert.deepEqual(persons('Users of Internet Explorer complained about the update.'), []);
  assert.deepEqual(persons('A letter from Oskarine Velsh arrived on Monday.'), ['Oskarine Velsh']);
});

test('a named person’s family name before a thing is that person, and the thing is no person', () => {
  const text = 'Painter Lotte Brannigan opened a show in May. Visitors admired the Brannigan Polaroids for hours.';
  const p = actorNamed(text, 'Lotte Brannigan');
  assert.ok(p);
  assert.deepEqual(mentionTexts(text, p), ['Lotte Brannigan', 'Brannigan']);
  assert.deepEqual(persons(text), ['Lotte Brannigan']);
});

test('initials before a family name', () => {
  assert.deepEqual(persons('J.K. Varnum, the treasurer, signed the cheque.'), ['J.K. Varnum']);
});

test('Cantonese and Vietnamese family names written first', () => {
  assert.deepEqual(persons('Voters in the district chose Tse Kin-wah over Nguyen Van Thanh on Sunday.'), ['Tse Kin-wah', 'Nguyen Van Thanh']);
});

test('"X Party and Name of the Y Party": the body ends before "and"', () => {
  const text = 'Elected were Hui Ka-ming from the Liberty Party and Tanya Lo of the Harbour Party.';
  assert.deepEqual(persons(text), ['Hui Ka-ming', 'Tanya Lo']);
  const orgs = actors(text).filter((a) => a.type === 'organization').map((a) => a.name);
  assert.deepEqual(orgs, ['Liberty Party', 'Harbour Party']);
});

test('a capitalized title keeps its "of" complement when it refers back to a person', () => {
  const text = 'Ann Rowe, the Secretary of State, landed in Lima. Later the Secretary of State met the press.';
  const p = actorNamed(text, 'Ann Rowe');
  assert.ok(p);
  assert.ok(mentionTexts(text, p).includes('the Secretary of State'), mentionTexts(text, p).join(' | '));
});

test('the title span: capitalized titles, or one bare role noun, right before the name', () => {
  const title = (text: string, name: string) => {
    const m = actorNamed(text, name)?.mentions.find((x) => text.slice(x.start, x.end) === name);
    return m?.withTitle ? text.slice(m.withTitle.start, m.withTitle.end) : undefined;
  };
  assert.equal(title('Critics included immigration barrister Colin Marsh.', 'Colin Marsh'), 'barrister Colin Marsh');
  assert.equal(title('The case of the mayor Luca Ferrandi was heard.', 'Luca Ferrandi'), undefined);
  assert.equal(title("Norway's coach Erik Dalby said little.", 'Erik Dalby'), undefined);
  assert.equal(title('Two veteran politicians Ivo Marek and Jan Sova lost.', 'Ivo Marek'), undefined);
  assert.equal(title('U.S. President Donald Trump spoke.', 'Donald Trump'), 'U.S. President Donald Trump');
});

test('groups named by faith or people: plural nouns always, adjective-like ones only as nouns', () => {
  const groupsOf = (text: string) => (extract(text).layers.actors?.groups ?? []).map((g) => `${text.slice(g.start, g.end)}/${g.kind}`);
  assert.deepEqual(groupsOf('Sikhs and Kurds marched together in the capital.'), ['Sikhs/faith', 'Kurds/people']);
  assert.deepEqual(groupsOf('The Druze, a small community, stayed. Druze elders met later.'), ['Druze/faith']);
  // A group is no actor of the report.
  assert.deepEqual(persons('Sikhs marched in the capital.'), []);
});

test('a family name spelled like a function word after a given name: "James To"', () => {
  assert.deepEqual(persons('The seat went to Helen To of the Harbour Party.'), ['Helen To']);
});

test('the person a place is named after', () => {
  const text = 'Crowds filled the Chiang Wei Min Memorial on Sunday.';
  assert.deepEqual(persons(text), ['Chiang Wei Min']);
});

test('a title’s "of"/"for" office is no name: the name follows it', () => {
  const text = 'Later, Secretary of State Kerry spoke. Minister for Foreign Affairs Penny Wong agreed with the High Commissioner for Refugees.';
  assert.deepEqual(persons(text), ['Kerry', 'Penny Wong']);
  const title = (name: string) => {
    const m = actorNamed(text, name)?.mentions[0];
    return m?.withTitle ? text.slice(m.withTitle.start, m.withTitle.end) : undefined;
  };
  assert.equal(title('Kerry'), 'Secretary of State Kerry');
});

test('a title with a state as its complement stays with the name', () => {
  const text = 'The team arrived, said Ambassador to the United States Omid Rasuli on Friday.';
  const m = actorNamed(text, 'Omid Rasuli')?.mentions[0];
  assert.ok(m?.withTitle);
  assert.equal(text.slice(m.withTitle.start, m.withTitle.end), 'Ambassador to the United States Omid Rasuli');
});

test('ordinary capitalized words after "<person> of" name the person’s body', () => {
  const text = 'Winners included Ivo Marek of Open Water, and Dana Kell of the Harbour Party. Marek left Open Water in May.';
  const org = actors(text).find((a) => a.name === 'Open Water');
  assert.equal(org?.type, 'organization');
  assert.deepEqual(mentionTexts(text, org), ['Open Water', 'Open Water']);
  assert.equal(actorNamed(text, 'Ivo Marek')?.affiliation, org?.id);
  // Not before a noun: "the Social Welfare constituency" is no body.
  assert.equal(actors('Voters chose Ivo Marek of the Social Welfare constituency.').find((a) => a.name === 'Social Welfare'), undefined);
});

test('a role before a name stays inside the name’s sentence', () => {
  const text = 'She won by five thousand votes.\n\nMichael Tarrow of the Harbour Party\n\nTarrow kept his seat.';
  assert.equal(actorNamed(text, 'Michael Tarrow')?.role, undefined);
  assert.match(actorNamed('Gen. Anna Kovac said so.', 'Anna Kovac')?.role ?? '', /^Gen\.?$/);
});

test('a person’s name running on after a body’s name in one capitalized run', () => {
  const text = 'Physics major at University of Texas Arlington Oskarine Velsh heard the news on Monday.';
  assert.deepEqual(persons(text), ['Oskarine Velsh']);
  assert.ok(actors(text).some((a) => a.type === 'organization' && a.name === 'University of Texas Arlington'));
});

test('one rare capitalized word after a role noun is a person known by one name', () => {
  assert.deepEqual(persons('Portraits of the fashion designer Zandrovic hung in the hall.'), ['Zandrovic']);
  // A short form of someone named in full is that person, not a new one.
  assert.deepEqual(persons('Lotte Brannigan arrived. The painter Brannigan smiled.'), ['Lotte Brannigan']);
});

test('connectors alone make no title: "Museum of Art" names no person "Art"', () => {
  assert.deepEqual(persons('The prints went to the Hollis Quay Museum of Art last spring.'), []);
});

test('a family name written first needs a given name that is no ordinary word', () => {
  assert.deepEqual(persons('Crowds filled Fan Expo on Saturday.'), []);
  assert.deepEqual(persons('Crowds cheered Fan Bingbing on Saturday.'), ['Fan Bingbing']);
});

test('a comma then a preposition opens no apposition', () => {
  assert.deepEqual(persons('She launched her novel Silver Kestrel, with illustrator Tomo Achterberg.'), ['Tomo Achterberg']);
});

test('a prize word joined by a hyphen names no person', () => {
  assert.deepEqual(persons('Velsh, a Pulitzer Prize-winner, spoke first.'), []);
});

test('a given name alone, heading its phrase, is a person; before a noun or as a place it is not', () => {
  assert.deepEqual(persons('Collectors still ask for pictures of Marilyn.'), ['Marilyn']);
  assert.deepEqual(persons('The army sent Bradley infantry fighting vehicles.'), []);
  assert.deepEqual(persons('The frigate docked at Simon\'s Town overnight.'), []);
});

test('a name with an ordinary-word given name is a person once its family name stands alone', () => {
  const text = 'On Monday, Bill Gates visited the clinic. Later Gates said the vaccine worked.';
  assert.deepEqual(mentionTexts(text, actorNamed(text, 'Bill Gates')), ['Bill Gates', 'Gates']);
  assert.deepEqual(persons('Fans queued outside the Red Cross tent. The Cross was red.'), []);
});

test('titles of legislators, clergy and agencies are stripped from the name and kept', () => {
  const text = 'Congresswoman Ilse Varga and Rabbi Noam Tessler met Administrator Ruth Okafor on Friday.';
  assert.deepEqual(persons(text), ['Ilse Varga', 'Noam Tessler', 'Ruth Okafor']);
  assert.equal(actorNamed(text, 'Ilse Varga')?.role, 'Congresswoman');
});

test('a diplomat posted to a body serves the state named with the role, in every word order', () => {
  const cases: [string, string, string][] = [
    ["Brazil's UN ambassador Sergio Danese rejected the panel's findings.", 'Sergio Danese', 'BR'],
    ['Maria Lopes, Angola’s envoy to the United Nations, said the ship was empty.', 'Maria Lopes', 'AO'],
    ['The Kenyan envoy, Martin Kimani, asked for a vote.', 'Martin Kimani', 'KE'],
    ['The Indonesian ambassador to NATO, Hadi Santoso, was not invited.', 'Hadi Santoso', 'ID'],
  ];
  for (const [text, name, state] of cases) assert.equal(actorNamed(text, name)?.affiliation, state, text);
  // with no state named, the body is the person's own
  const un = actorNamed('UN envoy Tor Wennesland met both sides.', 'Tor Wennesland');
  assert.equal(un?.affiliation, 'o_un');
});

test('a family name spelled like a month is part of the name: "Zhang Jun", "Li Jun", "Theresa May"', () => {
  const text = "China's deputy envoy Li Jun said the vote was premature. The talks ended in Jun 2023 without a deal.";
  const p = actorNamed(text, 'Li Jun');
  assert.equal(p?.type, 'person');
  assert.equal(p?.affiliation, 'CN');
});

test('a body named inside the role phrase is the affiliation: "Japan\'s foreign ministry spokesman", "Rosatom chief"', () => {
  const text = "Egypt's foreign ministry spokesman Omar Nabil declined to comment. Rosatom chief Pavel Orlov said the same.";
  const nabil = actorNamed(text, 'Omar Nabil');
  assert.equal(nabil?.role, 'spokesman');
  assert.equal(actors(text).find((a) => a.id === nabil?.affiliation)?.name, "Egypt's foreign ministry");
  assert.equal(actorNamed(text, 'Pavel Orlov')?.affiliation, 'o_rosatom');
});

test('ministers and spokespeople: the ministry when the report names it on its own, else the state', () => {
  // named on its own ("the Defence Ministry said") → the ministry, also for a bare title
  const own = 'The Greek Defence Ministry said the frigate had sailed. Defence Minister Nikos Dendias confirmed it.';
  assert.equal(actors(own).find((a) => a.id === actorNamed(own, 'Nikos Dendias')?.affiliation)?.name, 'Greek Defence Ministry');
  const listed = 'Defense Secretary Pete Hegseth promised more shells, and the Pentagon confirmed the order on Friday.';
  assert.equal(actorNamed(listed, 'Pete Hegseth')?.affiliation, 'o_dod');
  // named only in the title, or as a modifier → the state
  const title = 'State Department deputy spokesman Vedant Patel said so. The Pentagon\'s press secretary, Major General Ann Vidal, agreed.';
  assert.equal(actorNamed(title, 'Vedant Patel')?.affiliation, 'US');
  assert.equal(actorNamed(title, 'Ann Vidal')?.affiliation, 'US');
  const modifier = 'Defense Secretary Pete Hegseth said the Pentagon fund would pay for the shells.';
  assert.equal(actorNamed(modifier, 'Pete Hegseth')?.affiliation, 'US');
  // a listed secretary whose department the report does not name → the state
  assert.equal(actorNamed('Secretary of State Antony Blinken flew to Seoul.', 'Antony Blinken')?.affiliation, 'US');
  // "Deputy Prime Minister and Minister of National Defence" is one role
  const joined = 'Ministry of National Defence\n\nDeputy Prime Minister and Minister of National Defence Piotr Nowicki signed the deal.';
  const nowicki = actorNamed(joined, 'Piotr Nowicki');
  assert.equal(nowicki?.role, 'Deputy Prime Minister and Minister of National Defence');
  assert.equal(actors(joined).find((a) => a.id === nowicki?.affiliation)?.name, 'Ministry of National Defence');
});

test('a spokesperson of a ministry the role describes: that state\'s ministry, an actor', () => {
  for (const text of [
    'Vietnam protested. Foreign ministry spokeswoman Pham Thu Hang said the ship had left.',
    'Vietnam protested. Pham Thu Hang, a foreign ministry spokeswoman, said the ship had left.',
    'The Vietnamese foreign ministry protested. Spokeswoman Pham Thu Hang said the ship had left.',
  ]) {
    const p = actorNamed(text, 'Pham Thu Hang');
    const body = actors(text).find((a) => a.id === p?.affiliation);
    assert.equal(body?.type, 'organization', text);
    assert.equal(body?.country, 'VN', text);
  }
});

test('a person\'s body given by a description that refers back: "an analyst with the Oslo-based institute"', () => {
  const text = 'The Fjord Policy Institute published the study. "The route is new," said Ida Strand, an analyst with the Oslo-based institute. '
    + 'The Amber Sea Project tracks tankers; Piotr Nowak, who heads the research group’s shipping desk, counted nine.';
  const strand = actorNamed(text, 'Ida Strand');
  assert.equal(actors(text).find((a) => a.id === strand?.affiliation)?.name, 'Fjord Policy Institute');
  const nowak = actorNamed(text, 'Piotr Nowak');
  assert.equal(actors(text).find((a) => a.id === nowak?.affiliation)?.name, 'Amber Sea Project');
});

test('a person\'s body from a verb, "its", or a possessive before the name', () => {
  const text = 'The Delta Freight Monitor counts tankers. Omar Haddad runs the data desk at the monitoring group. '
    + 'The Lisbon Maritime Institute disagreed. Sara Pinto, its director, said the ships were empty. '
    + 'The Andes Trade Project published the study. The project\'s lead author, Luis Vega, defended it. The institute\'s Rui Costa agreed.';
  const bodyOf = (name: string) => actors(text).find((a) => a.id === actorNamed(text, name)?.affiliation)?.name;
  assert.equal(bodyOf('Omar Haddad'), 'Delta Freight Monitor');
  assert.equal(bodyOf('Sara Pinto'), 'Lisbon Maritime Institute');
  assert.equal(actorNamed(text, 'Sara Pinto')?.role, 'director');
  assert.equal(bodyOf('Luis Vega'), 'Andes Trade Project');
  assert.equal(bodyOf('Rui Costa'), 'Lisbon Maritime Institute');
});

test('"Its lead researcher, X" and "an analyst with a Kiel-based institute" give the body', () => {
  const its = 'The Baltic Freight Monitor, a watchdog, counted ships. Its lead researcher, Eva Lind, said so.';
  assert.equal(actors(its).find((a) => a.id === actorNamed(its, 'Eva Lind')?.affiliation)?.name, 'Baltic Freight Monitor');
  const unnamed = 'Eva Lind, an analyst with a Gdansk-based research group, said the tanker was Russian.';
  const body = actors(unnamed).find((a) => a.id === actorNamed(unnamed, 'Eva Lind')?.affiliation);
  assert.equal(body?.name, 'Gdansk-based research group');
  assert.equal(body?.type, 'organization');
  // a bare "the company" is too vague to be an actor
  assert.equal(actorNamed('Ann Lee, head of the company, said so.', 'Ann Lee')?.affiliation, undefined);
});

test('"Her team at X" gives X to the person named just before, when nothing else did', () => {
  const text = 'Lena Vogt spends her days on satellite pictures. Her research team at the Weser Open Source Lab logged every call. '
    + 'Omar Said, an analyst at the Tigris Policy Forum, agreed. His colleagues at the Weser Open Source Lab did not.';
  const bodyOf = (name: string) => actors(text).find((a) => a.id === actorNamed(text, name)?.affiliation)?.name;
  assert.equal(bodyOf('Lena Vogt'), 'Weser Open Source Lab');
  assert.equal(bodyOf('Omar Said'), 'Tigris Policy Forum', 'an affiliation already found stands');
});
