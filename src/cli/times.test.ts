// `trawl times` and `trawl eval-timeml` as a user runs them: the built CLI in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');

function trawl(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('times prints one JSON object per line whose span points at the text', () => {
  const text = 'The tanker left Vanino on May 3. Six days later it docked, and it stayed for eight months.';
  const r = trawl(['times', '-', '--published', '2024-06-01'], text);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines, [
    { start: 23, end: 31, text: 'on May 3', type: 'DATE', value: '2024-05-03' },
    { start: 33, end: 47, text: 'Six days later', type: 'DATE', value: '2024-05-09' },
    { start: 77, end: 89, text: 'eight months', type: 'DURATION', value: 'P8M' },
  ]);
  for (const l of lines) assert.equal(text.slice(l.start, l.end), l.text);
});

test('times with an unknown publication date counts relative times from the estimate and says so', () => {
  const r = trawl(['times', '-', '--published', 'unknown'], 'Signed in May 2022, renewed last week.');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
  // written on or after May 2022 (told as past), estimated at its start: last week is the week before
  assert.deepEqual(lines.map((l) => [l.value, l.estimated ?? false]), [['2022-05', false], ['2022-W16', true]]);
});

test('times with an unknown date and nothing in the text to date it leaves relative times without a value', () => {
  const r = trawl(['times', '-', '--published', 'unknown'], 'The deal was renewed last week.');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(r.out.trim().split('\n').map((l) => JSON.parse(l).value), [null]);
});

test('times refuses a malformed date', () => {
  const r = trawl(['times', '-', '--published', '2024-13-01'], 'Today.');
  assert.equal(r.code, 2);
  assert.match(r.err, /--published/);
});

test('eval-timeml scores each sub-folder, trawl beside chrono', () => {
  const r = trawl(['eval-timeml', 'test/fixtures/timeml', '--json']);
  assert.equal(r.code, 0, r.err);
  const rows = JSON.parse(r.out) as { corpus: string; system: string; counts: { gold: number; relaxed: number }; valueF1: number }[];
  assert.deepEqual(rows.map((x) => `${x.corpus}/${x.system}`), ['alpha/trawl', 'alpha/chrono', 'beta/trawl', 'beta/chrono']);
  const alpha = rows.find((x) => x.corpus === 'alpha' && x.system === 'trawl')!;
  assert.equal(alpha.counts.gold, 3);
  assert.equal(alpha.counts.relaxed, 3);
  assert.equal(alpha.valueF1, 1);
});
