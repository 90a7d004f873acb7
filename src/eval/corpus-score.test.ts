import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  actorResolver,
  bareName,
  formatTable,
  normalize,
  scoreCorpus,
  textOverlap,
  type Annotation,
  type GoldReport,
} from './corpus-score.js';
import { evalCommand } from '../cli/eval.js';
import { UsageError } from '../cli/errors.js';
import { projectRoot } from '../test-support/project-root.js';

const ROOT = projectRoot();
const GOLD = join(ROOT, 'test/fixtures/eval/gold');
const PRED = join(ROOT, 'test/fixtures/eval/pred');
const REFERENCE = join(ROOT, '../shared/tools/score.mjs');

/** Gold reports and saved predictions, paired as `score.mjs --pred` pairs them. */
function loadFixture(): { gold: GoldReport; pred: Annotation }[] {
  return readdirSync(GOLD)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as GoldReport;
      const predPath = join(PRED, `${gold.id}.json`);
      const pred = existsSync(predPath) ? (JSON.parse(readFileSync(predPath, 'utf8')) as Annotation) : {};
      return { gold, pred };
    });
}

describe('corpus scoring on the hand-made fixture', () => {
  const { result, misses } = scoreCorpus(loadFixture());

  test('actors: referenced gold actors found with the right type, persons by last name', () => {
    // a: 4 of 4 ("Dr. Brenner" by last name, "The Ministry" by alias); b: 4 of 5 ("Ms. Sato" is
    // ambiguous between two Satos); c: 2 of 3 (Kestrania predicted as an organization).
    assert.equal(result.actors.wanted, 12);
    assert.equal(result.actors.recall, 10 / 12);
    // Brenner's IBS resolves to o_ibs; Ken Sato is tied to the wrong state.
    assert.equal(result.actors.affiliationAccuracy, 1 / 2);
    assert.ok(misses.includes('eval-b actor missed: {"id":"p_sato_m","name":"Mara Sato"}'));
    assert.ok(misses.includes('eval-c actor missed: {"id":"QK","name":"Kestrania"}'));
  });

  test('attributions: span P/R and speaker accuracy', () => {
    // 9 of 11 matched (a denial missed in a and in c, where a direct quote cannot match a denial).
    assert.deepEqual(
      { tp: result.attributions.span.tp, pred: result.attributions.span.pred, gold: result.attributions.span.gold },
      { tp: 9, pred: 11, gold: 11 },
    );
    assert.equal(result.attributions.span.p, 9 / 11);
    assert.equal(result.attributions.span.r, 9 / 11);
    // Wrong speakers: Brenner's quote given to Kestrania, and the unresolved "Ms. Sato".
    assert.equal(result.attributions.speakerAccuracy, 7 / 9);
    assert.equal(result.attributions.joint.tp, 7);
    assert.ok(misses.includes('eval-a attribution wrong speaker: {"gold":"p_brenner","pred":"a2","text":"The shells crossed the border by rail"}'));
  });

  test('transfers: key, quantity and status', () => {
    assert.equal(result.transfers.key.p, 5 / 6);
    assert.equal(result.transfers.key.r, 1);
    // 400 shells for 4,000 is the one wrong quantity; "hedged" predicted as "asserted" the one wrong status.
    assert.equal(result.transfers.quantityAccuracy, 4 / 5);
    assert.equal(result.transfers.statusAccuracy, 4 / 5);
    assert.equal(result.transfers.joint.tp, 3);
    assert.ok(misses.some((m) => m.startsWith('eval-a transfer wrong quantity: {"item":"artillery shells"')));
  });

  test('events: statements left out, a wrong date is a false alarm', () => {
    assert.deepEqual(result.events, { p: 3 / 4, r: 1, f1: (2 * 0.75 * 1) / 1.75, tp: 3, pred: 4, gold: 3 });
  });

  test('times: containment matches, duplicates and PRESENT_REF dropped, value accuracy', () => {
    // "in February" matches gold "February" by containment; "last month" twice counts once.
    assert.equal(result.times.span.tp, 9);
    assert.equal(result.times.span.pred, 10);
    assert.equal(result.times.span.gold, 10);
    // 8 matched gold times have a value ("in the spring" has none); "last week" has the wrong week.
    assert.equal(result.times.valueAccuracy, 7 / 8);
    assert.ok(misses.includes('eval-a time wrong value: {"text":"last week","gold":"2024-W10","pred":"2024-W11"}'));
  });

  test('inconsistent documents', () => {
    assert.deepEqual(result.inconsistency, { p: 0.5, r: 1, f1: 2 / 3, tp: 1, pred: 2, gold: 1 });
  });

  test('the table', () => {
    const lines = formatTable(result, misses).split('\n');
    assert.equal(lines[0], 'documents: 3');
    assert.equal(lines[1], "actors (referenced)    found  83.3 of 12  persons' affiliation  50.0");
    assert.equal(lines[4], 'transfers (key)        P  83.3  R 100.0  F1  90.9  (gold 5, pred 6)  qty acc  80.0  status acc  80.0');
    assert.equal(lines.length, 10); // nine rows and the final newline
    assert.equal(formatTable(result, misses, true).split('\n').length, 10 + misses.length);
  });
});

describe('agreement with the reference scorer', () => {
  const skip = existsSync(REFERENCE) ? false : `${REFERENCE} not found (it lives outside this repository)`;
  const reference = (...flags: string[]): string =>
    execFileSync(process.execPath, [REFERENCE, GOLD, '--pred', PRED, ...flags], { cwd: ROOT, encoding: 'utf8' });

  test('the --json result is the same', { skip }, () => {
    const { result } = scoreCorpus(loadFixture());
    assert.deepEqual(result, JSON.parse(reference('--json')));
    assert.equal(JSON.stringify(result, null, 2) + '\n', reference('--json'));
  });

  test('the --verbose table is the same, character for character', { skip }, () => {
    const { result, misses } = scoreCorpus(loadFixture());
    assert.equal(formatTable(result, misses, true), reference('--verbose'));
  });
});

describe('text and actor rules', () => {
  test('normalize folds accents, quotes and punctuation', () => {
    assert.equal(normalize('  Kestrania’s “Défense”—ministry, 4,000 '), "kestrania's defense ministry 4 000");
    assert.equal(bareName('The U.S.'), 'us');
  });

  test('overlap: 80% containment counts as 1, else Jaccard', () => {
    assert.equal(textOverlap('a b c d e', 'a b c d'), 1);
    assert.equal(textOverlap('a b c', 'c d e'), 1 / 5);
    assert.equal(textOverlap('', 'a'), 0);
  });

  test('a last name shared by two gold persons resolves to neither', () => {
    const gold = [
      { id: 'p1', type: 'person', name: 'Ken Sato' },
      { id: 'p2', type: 'person', name: 'Mara Sato' },
      { id: 'p3', type: 'person', name: 'Anna Brenner' },
    ];
    const resolve = actorResolver(gold, [
      { id: 'x', type: 'person', name: 'Sato' },
      { id: 'y', type: 'person', name: 'Brenner' },
    ]);
    assert.equal(resolve('x'), '?x');
    assert.equal(resolve('y'), 'p3');
    assert.equal(resolve('QZ'), 'QZ'); // an ISO-shaped code stands for itself
    assert.equal(resolve('nobody'), '?nobody');
    assert.equal(resolve(null), null);
  });
});

describe('trawl eval: the folder', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'trawl-eval-'));
  const folder = (name: string, files: Record<string, string>): string => {
    const dir = join(scratch, name);
    mkdirSync(dir);
    for (const [f, body] of Object.entries(files)) writeFileSync(join(dir, f), body);
    return dir;
  };
  const refuses = (dir: string, pattern: RegExp) =>
    assert.rejects(evalCommand(dir, {}, () => undefined), (e: unknown) => e instanceof UsageError && pattern.test(e.message));

  test('bad folders and files are usage errors naming the file', async () => {
    await refuses(join(scratch, 'missing'), /missing: no such folder$/);
    await refuses(join(GOLD, 'eval-a.json'), /eval-a\.json: not a folder$/);
    await refuses(folder('empty', { 'notes.txt': 'x' }), /empty: no \*\.json files$/);
    await refuses(folder('broken', { 'a.json': '{"id": ' }), /broken\/a\.json: not valid JSON/);
    await refuses(folder('neither', { 'a.json': '{"id": "a"}' }), /neither\/a\.json: neither an annotated report/);
  });

  test('runs trawl on each report and prints the table, or the JSON', async () => {
    let out = '';
    await evalCommand(GOLD, {}, (s) => void (out += s));
    assert.match(out, /^documents: 3\nactors \(referenced\) {4}found/);
    out = '';
    await evalCommand(GOLD, { json: true }, (s) => void (out += s));
    const result = JSON.parse(out) as { documents: number; failures: string[] };
    assert.equal(result.documents, 3);
    assert.deepEqual(result.failures, []);
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));
});
