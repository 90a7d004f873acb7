import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuseLedger } from './fuse.js';
import { loadLedgerVocabulary } from '../node/ledger-vocabulary.js';
import { qty, storedReport } from '../test-support/stored-report.js';

const vocabulary = loadLedgerVocabulary();
const KP = { id: 'KP', name: 'North Korea', says: ['North Korea', 'Pyongyang'] };
const RU = { id: 'RU', name: 'Russia', says: ['Russia', 'Moscow'] };
const KR = { id: 'KR', name: 'South Korea', aliases: ['Seoul'], says: ['South Korea', 'Seoul'] };

test('spelling variants of one person merge into one actor with every spelling kept', () => {
  const names = ['Kim Jong Un', 'Kim Jong-un', 'Kim Jong-Un'];
  const reports = names.map((n, i) => storedReport({
    id: `r${i + 1}`, published: `2024-0${i + 1}-10`, text: `${n} met envoys from Russia.`,
    actors: [{ id: 'p_kim', type: 'person', name: n, affiliation: 'KP', says: [n] }, RU], transfers: [],
  }));
  const kims = fuseLedger(reports, { vocabulary }).actors.filter((a) => a.type === 'person');
  assert.equal(kims.length, 1);
  assert.deepEqual(kims[0].reports, ['r1', 'r2', 'r3']);
  assert.deepEqual([kims[0].name, ...kims[0].aliases].sort(), [...names].sort());
  assert.equal(kims[0].country, 'KP');
});

test('a shared one-word short form does not merge two persons; a report naming only the short form joins the full name', () => {
  const a = storedReport({ id: 'a', published: '2024-01-01', text: 'Kim Jong Un spoke first. Kim Yo Jong spoke later.', actors: [
    { id: 'p_kju', type: 'person', name: 'Kim Jong Un', aliases: ['Kim'], affiliation: 'KP', says: ['Kim Jong Un'] },
    { id: 'p_kyj', type: 'person', name: 'Kim Yo Jong', aliases: ['Kim'], affiliation: 'KP', says: ['Kim Yo Jong'] }], transfers: [] });
  const b = storedReport({ id: 'b', published: '2024-01-02', text: 'Vladimir Putin arrived. Putin left.', actors: [
    { id: 'p_putin', type: 'person', name: 'Vladimir Putin', aliases: ['Putin'], says: ['Vladimir Putin'] }], transfers: [] });
  const c = storedReport({ id: 'c', published: '2024-01-03', text: 'Putin spoke.', actors: [{ id: 'p_putin', type: 'person', name: 'Putin', says: ['Putin'] }], transfers: [] });
  const persons = fuseLedger([a, b, c], { vocabulary }).actors.filter((x) => x.type === 'person');
  assert.deepEqual(persons.map((p) => p.name).sort(), ['Kim Jong Un', 'Kim Yo Jong', 'Vladimir Putin']);
  assert.deepEqual(persons.find((p) => p.name === 'Vladimir Putin')!.reports, ['b', 'c']);
});

test('an acronym in one report is tied to the full name in another; two sets of initials are not', () => {
  const a = storedReport({ id: 'a', published: '2024-01-01', text: 'The NIS briefed lawmakers. The U.S. Congress held a hearing.',
    actors: [{ id: 'o_nis', name: 'NIS', says: ['NIS'] }, { id: 'o_congress', name: 'U.S. Congress', country: 'US', says: ['U.S. Congress'] }], transfers: [] });
  const b = storedReport({ id: 'b', published: '2024-01-02', text: 'The National Intelligence Service said so. The UN Security Council met.',
    actors: [{ id: 'o_nis', name: 'National Intelligence Service', country: 'KR', says: ['National Intelligence Service'] }, { id: 'o_unsc', name: 'UN Security Council', says: ['UN Security Council'] }], transfers: [] });
  const actors = fuseLedger([a, b], { vocabulary }).actors;
  const nis = actors.filter((x) => x.name === 'NIS' || x.aliases.includes('NIS') || x.name === 'National Intelligence Service');
  assert.equal(nis.length, 1);
  assert.deepEqual(nis[0].reports, ['a', 'b']);
  assert.equal(nis[0].country, 'KR');
  assert.equal(actors.filter((x) => /Congress|Security Council/.test(x.name)).length, 2);
});

test('outlets repeating one intelligence briefing count as one source; another state is a second source', () => {
  const wordings = [
    { name: 'National Intelligence Service', text: 'The National Intelligence Service says Pyongyang shipped shells to Moscow.' },
    { name: "Seoul's spy agency", text: "Seoul's spy agency says Pyongyang shipped shells to Moscow." },
    { name: "South Korea's intelligence service", text: "South Korea's intelligence service says Pyongyang shipped shells to Moscow." },
    { name: 'NIS', text: 'The NIS says Pyongyang shipped shells to Moscow.' },
  ];
  const reports = wordings.map((w, i) => storedReport({
    id: `r${i}`, published: `2024-02-0${i + 1}`, outlet: `Outlet ${i}`, text: w.text,
    actors: [KP, RU, KR, { id: 'o_src', name: w.name, country: 'KR', says: [w.name] }],
    transfers: [{ from: 'KP', to: 'RU', category: 'munitions', item: 'shells', source: 'o_src', phrase: 'Pyongyang shipped shells to Moscow' }],
  }));
  reports.push(storedReport({ id: 'r9', published: '2024-03-01', outlet: 'Outlet 9', text: 'The Pentagon says Pyongyang shipped shells to Moscow.',
    actors: [KP, RU, { id: 'US', name: 'United States' }, { id: 'o_pentagon', name: 'Pentagon', country: 'US', says: ['Pentagon'] }],
    transfers: [{ from: 'KP', to: 'RU', category: 'munitions', item: 'shells', source: 'o_pentagon', phrase: 'Pyongyang shipped shells to Moscow' }] }));
  const [entry] = fuseLedger(reports, { vocabulary }).entries;
  assert.equal(entry.estimates.length, 5);
  assert.equal(entry.independentSources, 2);
  // A government body speaks for its state: the state is the original source.
  assert.deepEqual(entry.sources.map((s) => s.name), ['South Korea', 'United States']);
  assert.deepEqual(entry.sources[0].names, ['National Intelligence Service']);
  assert.deepEqual(entry.sources[1].names, ['Pentagon']);
  // The described body is named as the body it is.
  assert.equal(entry.estimates[1].source, 'National Intelligence Service');
});

test('a state, its ministries and the officials serving in them are one source; an analyst is another', () => {
  const US = { id: 'US', name: 'United States', says: ['Washington'] };
  const text = 'Washington said Pyongyang sent rockets to Moscow. Spokesman Tom Example of the State Department repeated that Pyongyang sent rockets to Moscow. Analyst Ann Example of the Example Institute also thinks Pyongyang sent rockets to Moscow.';
  const phrases = ['Washington said Pyongyang sent rockets to Moscow', 'repeated that Pyongyang sent rockets to Moscow', 'thinks Pyongyang sent rockets to Moscow'];
  const r = storedReport({ id: 'r', published: '2024-01-01', text, actors: [KP, RU, US,
    { id: 'o_state', name: 'State Department', country: 'US', says: ['State Department'] },
    { id: 'p_tom', type: 'person', name: 'Tom Example', affiliation: 'o_state', says: ['Tom Example'] },
    { id: 'o_inst', name: 'Example Institute', country: 'US', says: ['Example Institute'] },
    { id: 'p_ann', type: 'person', name: 'Ann Example', affiliation: 'o_inst', says: ['Ann Example'] }],
    transfers: ['US', 'p_tom', 'p_ann'].map((source, i) => ({ from: 'KP', to: 'RU', category: 'munitions', item: 'rockets', source, phrase: phrases[i] })) });
  const [entry] = fuseLedger([r], { vocabulary }).entries;
  assert.equal(entry.estimates.length, 3);
  assert.equal(entry.independentSources, 2);
  assert.deepEqual(entry.sources.map((s) => [s.name, s.names]), [['United States', ['United States', 'Tom Example']], ['Ann Example', ['Ann Example']]]);
});

test('a later, higher cumulative estimate is growth; a later lower one for the same period is a conflict', () => {
  const mk = (id: string, published: string, text: string, phrase: string, q: ReturnType<typeof qty>) => storedReport({
    id, published, outlet: `Outlet ${id}`, text, actors: [KP, RU, KR],
    transfers: [{ from: 'KP', to: 'RU', category: 'munitions', item: 'artillery shells', quantity: q, since: '2023-08', source: 'KR', phrase }],
  });
  const first = mk('a', '2023-11-01', 'South Korea said Pyongyang has sent more than a million artillery shells to Moscow since August.', 'Pyongyang has sent more than a million artillery shells', qty('more than a million', { min: 1_000_000 }));
  const grown = mk('b', '2024-02-27', 'South Korea now says Pyongyang has sent over 3 million artillery shells to Moscow since August.', 'Pyongyang has sent over 3 million artillery shells', qty('over 3 million', { min: 3_000_000 }));
  assert.deepEqual(fuseLedger([first, grown], { vocabulary }).entries[0].conflicts, []);

  const lower = mk('c', '2024-03-05', 'South Korea said Pyongyang has sent about 300,000 artillery shells to Moscow since August.', 'Pyongyang has sent about 300,000 artillery shells', qty('about 300,000', { value: 300_000, approx: true }));
  const [entry] = fuseLedger([first, grown, lower], { vocabulary }).entries;
  assert.equal(entry.conflicts.length, 2);
  const reason = entry.conflicts[0].reason;
  assert.match(reason, /a \(2023-11-01/);
  assert.match(reason, /c \(2024-03-05/);
  assert.match(reason, /"South Korea said Pyongyang has sent more than a million artillery shells to Moscow since August\."/);
  assert.match(reason, /about 300,000 artillery shells to Moscow since August\."/);
});

test('tranches of one item in different months are one flow, and their amounts do not conflict', () => {
  const mk = (id: string, month: string, text: string, q: ReturnType<typeof qty>) => storedReport({
    id, published: '2024-05-01', text, actors: [RU, KP],
    transfers: [{ from: 'RU', to: 'KP', category: 'energy', item: 'refined oil', quantity: q, since: month, until: month, phrase: text.slice(0, -1) }],
  });
  const ledger = fuseLedger([
    mk('a', '2024-03', 'Russia shipped 60,000 barrels of refined oil to North Korea in March.', qty('60,000 barrels', { value: 60_000, unit: 'barrel' })),
    mk('b', '2024-04', 'Russia shipped 90,000 barrels of refined petroleum to North Korea in April.', qty('90,000 barrels', { value: 90_000, unit: 'barrel' })),
  ], { vocabulary });
  assert.equal(ledger.entries.length, 1, 'oil and petroleum are one kind of thing');
  assert.equal(ledger.entries[0].estimates.length, 2);
  assert.deepEqual(ledger.entries[0].conflicts, []);
  assert.deepEqual([ledger.entries[0].since, ledger.entries[0].until], ['2024-03', '2024-04']);
});

test('a generic item joins a flow only for an overlapping period', () => {
  const text = 'Seoul sold weapons to Warsaw in 2014. Seoul sold K2 tanks to Warsaw in 2022.';
  const r = storedReport({ id: 'r', published: '2024-01-01', text, actors: [KR, { id: 'PL', name: 'Poland', says: ['Warsaw'] }],
    transfers: [
      { from: 'KR', to: 'PL', category: 'weapons', item: 'weapons', since: '2014', until: '2014', phrase: 'Seoul sold weapons to Warsaw in 2014' },
      { from: 'KR', to: 'PL', category: 'weapons', item: 'K2 tanks', since: '2022', until: '2022', phrase: 'Seoul sold K2 tanks to Warsaw in 2022' },
    ] });
  assert.equal(fuseLedger([r], { vocabulary }).entries.length, 2);
});

test('estimates are listed in publication order, ties by report id, whatever order the reports come in', () => {
  const dates = [['z', '2024-03-01'], ['b', '2023-12-01'], ['a', '2023-12-01'], ['m', '2024-01-15']];
  const reports = dates.map(([id, published]) => storedReport({
    id, published, text: 'Moscow bought rockets from Pyongyang.', actors: [KP, RU],
    transfers: [{ from: 'KP', to: 'RU', category: 'munitions', item: 'rockets', phrase: 'Moscow bought rockets from Pyongyang' }],
  }));
  const [entry] = fuseLedger(reports, { vocabulary }).entries;
  assert.deepEqual(entry.estimates.map((e) => e.report), ['a', 'b', 'm', 'z']);
  assert.equal(entry.firstReported, '2023-12-01');
  assert.equal(entry.lastReported, '2024-03-01');
});

test('denials name who denied, in which report, with the quoted sentence; they do not count as sources', () => {
  const claim = storedReport({ id: 'claim', published: '2024-01-10', text: 'Washington says Pyongyang sent rockets to Moscow.', actors: [KP, RU, { id: 'US', name: 'United States', says: ['Washington'] }],
    transfers: [{ from: 'KP', to: 'RU', category: 'munitions', item: 'rockets', source: 'US', phrase: 'Pyongyang sent rockets to Moscow' }] });
  const denial = storedReport({ id: 'denial', published: '2024-01-12', text: 'The Kremlin called the rocket story a fabrication. Pyongyang denied selling rockets to Moscow.', actors: [KP, RU],
    transfers: [{ from: 'KP', to: 'RU', category: 'munitions', item: 'rockets', status: 'denied', source: 'KP', phrase: 'denied selling rockets to Moscow' }] });
  const [entry] = fuseLedger([denial, claim], { vocabulary }).entries;
  assert.equal(entry.independentSources, 1);
  assert.equal(entry.denials.length, 1);
  assert.equal(entry.denials[0].by, 'North Korea');
  assert.equal(entry.denials[0].report, 'denial');
  assert.equal(entry.denials[0].spans[0].quote, 'Pyongyang denied selling rockets to Moscow.');
});

test('a body or person at a flow end stands for its state: own country, affiliation, or a possessive before it', () => {
  const r = storedReport({ id: 'r', published: '2024-01-01', text: "Russia's Ministry of Defence bought shells from North Korea, and Envoy Park Min-jae sold drones to Iran.",
    actors: [RU, KP, { id: 'IR', name: 'Iran', says: ['Iran'] }, { id: 'o_mod', name: 'Ministry of Defence', says: ['Ministry of Defence'] },
      { id: 'p_park', type: 'person', name: 'Park Min-jae', affiliation: 'KP', says: ['Park Min-jae'] }],
    transfers: [
      { from: 'KP', to: 'o_mod', category: 'munitions', item: 'shells', phrase: 'Ministry of Defence bought shells from North Korea' },
      { from: 'p_park', to: 'IR', category: 'weapons', item: 'drones', phrase: 'Park Min-jae sold drones to Iran' },
    ] });
  const entries = fuseLedger([r], { vocabulary }).entries;
  const shells = entries.find((e) => e.category === 'munitions')!;
  assert.equal(`${shells.from}>${shells.to}`, 'KP>RU');
  assert.deepEqual(shells.toActors, ['o_mod']);
  const drones = entries.find((e) => e.category === 'weapons')!;
  assert.equal(`${drones.from}>${drones.to}`, 'KP>IR');
});

test('items that name different things stay apart; a generic item from another report joins them', () => {
  const PL = { id: 'PL', name: 'Poland', says: ['Warsaw'] };
  const text = 'Seoul sold K2 tanks to Warsaw. Seoul sold K9 howitzers to Warsaw.';
  const r = storedReport({ id: 'r', published: '2024-01-01', text, actors: [KR, PL],
    transfers: [
      { from: 'KR', to: 'PL', category: 'weapons', item: 'K2 tanks', phrase: 'Seoul sold K2 tanks to Warsaw' },
      { from: 'KR', to: 'PL', category: 'weapons', item: 'K9 howitzers', phrase: 'Seoul sold K9 howitzers to Warsaw' },
    ] });
  assert.equal(fuseLedger([r], { vocabulary }).entries.length, 2);
  const generic = storedReport({ id: 's', published: '2024-02-01', text: 'Seoul has sent weapons to Warsaw.', actors: [KR, PL],
    transfers: [{ from: 'KR', to: 'PL', category: 'weapons', item: 'weapons', phrase: 'Seoul has sent weapons to Warsaw' }] });
  const [entry, ...rest] = fuseLedger([r, generic], { vocabulary }).entries;
  assert.equal(rest.length, 0);
  assert.deepEqual(entry.items, ['K2 tanks', 'K9 howitzers', 'weapons']);
});
