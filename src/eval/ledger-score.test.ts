import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatLedgerScore, scoreLedger, type GoldLedgerReport, type LedgerJsonLike } from './ledger-score.js';
import { evalLedgerCommand } from '../cli/eval-ledger.js';
import { projectRoot } from '../test-support/project-root.js';

const ROOT = projectRoot();
const GOLD = join(ROOT, 'test/fixtures/ledger/gold');
const HAND = join(ROOT, 'test/fixtures/ledger/hand-ledger.json');
const REFERENCE = join(ROOT, '../shared/tools/ledger-score.mjs');
const skip = existsSync(REFERENCE) ? false : `${REFERENCE} not found (it lives outside this repository)`;

const gold = (): GoldLedgerReport[] => readdirSync(GOLD).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as GoldLedgerReport);
const reference = (ledger: string, ...flags: string[]): string => execFileSync(process.execPath, [REFERENCE, GOLD, ledger, ...flags], { encoding: 'utf8' });

describe('ledger scoring on a hand-made ledger', () => {
  const score = scoreLedger(gold(), JSON.parse(readFileSync(HAND, 'utf8')) as LedgerJsonLike);

  test('entries: bodies at flow ends count under their state; an extra entry costs precision', () => {
    // Gold keys: KP>RU munitions, RU>KP food, KP>RU troops, RU>KP energy, IR>RU weapons (Wagner is RU).
    assert.equal(score.gold, 5);
    assert.equal(score.predicted, 5);
    assert.equal(score.precision, 4 / 5);
    assert.equal(score.recall, 4 / 5);
  });

  test('reports cited, date order and denials', () => {
    // 4 of the 6 gold (key, report) pairs: the energy entry has no estimate (a denial is no
    // citation), and the missed IR>RU entry's report counts against too.
    assert.equal(score.reportsCited, 4 / 6);
    // KP>RU munitions lists led-a (March) before led-b (January).
    assert.equal(score.inDateOrder, 3 / 4);
    assert.equal(score.denialsFound, 1 / 2);
    assert.ok(score.notes.includes('  missed entry IR>RU:weapons (led-b)'));
    assert.ok(score.notes.includes('  extra entry CN>RU:goods'));
  });

  test('the same lines as ledger-score.mjs, with and without --verbose', { skip }, () => {
    assert.equal(formatLedgerScore(score), reference(HAND));
    assert.equal(formatLedgerScore(score, true), reference(HAND, '--verbose'));
  });
});

test('eval-ledger extracts, fuses and prints what ledger-score.mjs prints for the same ledger', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-eval-ledger-'));
  try {
    const out = join(dir, 'ledger.json');
    let printed = '';
    await evalLedgerCommand(GOLD, { verbose: true, out }, (s) => (printed += s));
    assert.equal(printed, reference(out, '--verbose'));
    assert.match(printed, /^ledger entries {2}P/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('eval-ledger on the fixture finds every flow of these plain sentences', async () => {
  let printed = '';
  await evalLedgerCommand(GOLD, { json: true }, (s) => (printed += s));
  const s = JSON.parse(printed) as ReturnType<typeof scoreLedger>;
  assert.equal(s.gold, 5);
  assert.ok(s.f1 >= 0.8, `F1 ${s.f1}`);
});
