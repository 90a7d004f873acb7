import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { Model, defaultModel } from '@alephdata/followthemoney';
import { fuseLedger } from '../ledger/fuse.js';
import { loadCentroids, loadLedgerVocabulary } from '../node/ledger-vocabulary.js';
import { qty, storedReport } from '../test-support/stored-report.js';
import { CSV_COLUMNS, toCsv } from './csv.js';
import { toFtm } from './ftm.js';
import { toGeoJson } from './geojson.js';

const KP = { id: 'KP', name: 'North Korea', says: ['North Korea', 'Pyongyang'] };
const RU = { id: 'RU', name: 'Russia', says: ['Russia', 'Moscow'] };
const text = 'Moscow paid Pyongyang $20 million for "shells, rockets, and more", Kim Yong-ho of the Example Institute said. The tanker Sea Example carried 40,000 barrels of diesel from Russia to North Korea in the summer.';
const report = storedReport({
  id: 'x1', published: '2024-04-02', outlet: 'Example "Quoted" Wire, Inc.', text,
  actors: [KP, RU,
    { id: 'p_kim', type: 'person', name: 'Kim Yong-ho', affiliation: 'o_inst', says: ['Kim Yong-ho'] },
    { id: 'o_inst', name: 'Example Institute', says: ['Example Institute'] },
    { id: 'v_sea', type: 'vessel', name: 'Sea Example', country: 'RU', says: ['Sea Example'] }],
  transfers: [
    { from: 'RU', to: 'KP', category: 'money', item: 'payment for shells', quantity: qty('$20 million', { value: 20_000_000, unit: 'USD' }), source: 'p_kim', phrase: 'Moscow paid Pyongyang $20 million' },
    { from: 'RU', to: 'KP', category: 'energy', item: 'diesel', quantity: qty('40,000 barrels', { value: 40_000, unit: 'barrel' }), since: '2023-SU', until: '2023-SU', phrase: 'carried 40,000 barrels of diesel from Russia to North Korea' },
    { from: 'KP', to: 'RU', category: 'munitions', item: 'shells', status: 'denied', source: 'KP', phrase: 'shells, rockets, and more' },
  ],
});
const ledger = fuseLedger([report], { vocabulary: loadLedgerVocabulary() });

test('FtM entities are valid against the followthemoney model, and every entity link resolves', () => {
  const model = new Model(defaultModel);
  const entities = toFtm(ledger);
  const ids = new Set(entities.map((e) => e.id));
  assert.equal(ids.size, entities.length, 'ids are unique');
  const countries = model.getType('country').values;
  for (const e of entities) {
    const schema = model.getSchema(e.schema);
    assert.ok(!schema.abstract, `${e.schema} is not abstract`);
    const entity = model.getEntity(e); // throws on a property the schema does not have
    assert.equal(entity.id, e.id);
    for (const [name, values] of Object.entries(e.properties)) {
      const prop = schema.getProperty(name);
      assert.ok(values.length && values.every((v) => typeof v === 'string' && v.length), `${e.id}.${name} holds strings`);
      if (prop.type.name === 'entity') for (const v of values) {
        assert.ok(ids.has(v), `${e.id}.${name} → ${v} exists`);
        const target = entities.find((x) => x.id === v)!;
        assert.ok(model.getSchema(target.schema).isA(prop.getRange()), `${e.id}.${name} → ${target.schema} fits ${prop.getRange().name}`);
      }
      if (prop.type.name === 'country') for (const v of values) assert.ok(countries.has(v), `${v} is a country code`);
      if (prop.type.name === 'date') for (const v of values) assert.match(v, /^\d{4}(-\d{2}(-\d{2})?)?$/);
      if (prop.type.name === 'number') for (const v of values) assert.ok(Number.isFinite(Number(v)));
    }
  }
  const bySchema = (s: string) => entities.filter((e) => e.schema === s);
  assert.equal(bySchema('Article').length, 1);
  assert.deepEqual(bySchema('Person')[0].properties.proof, ['trawl-report-x1']);
  assert.equal(bySchema('Vessel')[0].properties.flag[0], 'ru');
  const payment = bySchema('Payment')[0];
  assert.deepEqual([payment.properties.payer, payment.properties.beneficiary, payment.properties.amount, payment.properties.currency], [['trawl-actor-RU'], ['trawl-actor-KP'], ['20000000'], ['USD']]);
  const oil = bySchema('EconomicActivity');
  assert.equal(oil.length, 1, 'a denied flow is not exported as a flow');
  assert.deepEqual([oil[0].properties.startDate, oil[0].properties.endDate], [['2023-06'], ['2023-08']]);
  assert.equal(oil[0].properties.recordId[0], 'x1');
});

test('CSV parses back to one row per estimate, quotes and commas intact', () => {
  const rows = parse(toCsv(ledger), { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]), [...CSV_COLUMNS]);
  assert.equal(rows.length, 3);
  const denied = rows.find((r) => r.status === 'denied')!;
  assert.equal(denied.quote, text.slice(0, text.indexOf('said.') + 5));
  assert.equal(denied.outlet, 'Example "Quoted" Wire, Inc.');
  const oil = rows.find((r) => r.category === 'energy')!;
  assert.deepEqual([oil.value, oil.unit, oil.since, oil.until], ['40000', 'barrel', '2023-SU', '2023-SU']);
});

test('GeoJSON: a FeatureCollection of state points and flow lines in [lon, lat]', () => {
  const geo = toGeoJson(ledger, loadCentroids());
  assert.equal(geo.type, 'FeatureCollection');
  const points = geo.features.filter((f) => f.geometry.type === 'Point');
  const lines = geo.features.filter((f) => f.geometry.type === 'LineString');
  assert.deepEqual(points.map((p) => p.properties.code), ['KP', 'RU']);
  assert.equal(lines.length, ledger.entries.length);
  for (const f of geo.features) {
    assert.equal(f.type, 'Feature');
    const coords = (f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][];
    for (const [lon, lat] of coords) assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
  }
  const kp = points.find((p) => p.properties.code === 'KP')!.geometry.coordinates as number[];
  assert.ok(kp[0] > 120 && kp[1] > 35, 'North Korea sits at about 127 E, 40 N');
  const oil = lines.find((l) => l.properties.category === 'energy')!;
  assert.deepEqual([oil.properties.from, oil.properties.to, oil.properties.latest], ['RU', 'KP', '40,000 barrels']);
});
