import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveBenchDir } from './corpus-dir.js';

function withTree(dirs: string[], check: (root: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'trawl-bench-dir-'));
  try {
    for (const d of dirs) mkdirSync(join(root, d), { recursive: true });
    check(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('a given folder is used as is, relative to the working directory', () => {
  assert.deepEqual(resolveBenchDir('reports', '/home/me'), { dir: '/home/me/reports' });
});

test('the shared corpus beside the working directory comes first', () => {
  withTree(['shared/corpus', 'main', 'elsewhere/project'], (root) => {
    const found = resolveBenchDir(undefined, join(root, 'main'), join(root, 'elsewhere/project'));
    assert.deepEqual(found, { dir: join(root, 'shared/corpus') });
  });
});

test('else the shared corpus beside the project', () => {
  withTree(['shared/corpus', 'main', 'cwd/here'], (root) => {
    const found = resolveBenchDir(undefined, join(root, 'cwd/here'), join(root, 'main'));
    assert.deepEqual(found, { dir: join(root, 'shared/corpus') });
  });
});

test('else the bundled examples, with a note that the corpus is missing', () => {
  withTree(['main', 'cwd'], (root) => {
    const found = resolveBenchDir(undefined, join(root, 'cwd'), join(root, 'main'));
    assert.equal(found.dir, join(root, 'main/examples'));
    assert.deepEqual(found.corpusMissing, [join(root, 'shared/corpus')]);
  });
});
