// The bench command's refusals: they come before any measuring, as UsageError (exit 2, one line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCommand, parseRepeat } from '../cli/bench.js';
import { UsageError } from '../cli/errors.js';

test('--repeat takes a whole number from 1 to 1000', () => {
  assert.equal(parseRepeat(undefined), 5);
  assert.equal(parseRepeat('7'), 7);
  for (const bad of ['0', '-1', '2.5', 'three', '', '1001']) assert.throws(() => parseRepeat(bad), UsageError, bad);
});

test('a missing folder or one without reports is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-bench-cli-'));
  try {
    writeFileSync(join(dir, 'README.md'), 'not a report');
    await assert.rejects(benchCommand(join(dir, 'nope'), {}), (e: Error) => e instanceof UsageError && /is not a folder/.test(e.message));
    await assert.rejects(benchCommand(dir, {}), (e: Error) => e instanceof UsageError && /no reports/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the peers are installed here (devDependencies), so none is reported missing', async () => {
  const { missingPeers } = await import('./systems.js');
  assert.deepEqual(missingPeers(), []);
});
