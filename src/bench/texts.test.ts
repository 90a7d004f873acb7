import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectTexts, countWords, isDocumentationName, longestText, repeatText } from './texts.js';

function withFolder(files: Record<string, string>, check: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-bench-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    check(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('countWords counts whitespace-separated tokens', () => {
  assert.equal(countWords(''), 0);
  assert.equal(countWords('  \n\t '), 0);
  assert.equal(countWords('North Korea sent shells.'), 4);
  assert.equal(countWords('  "over 3 million"\n\nshells —  said\tofficials '), 7);
});

test('collectTexts reads JSON reports, .txt and .md files, nested, and skips the rest', () => {
  withFolder(
    {
      'a.json': JSON.stringify({ id: 'a', published: '2024-08-27', text: 'Pyongyang sent shells to Moscow.', gold: {} }),
      'nested/deeper/b.txt': 'Russia sent oil\r\nto North Korea.',
      'nested/c.md': '# Title\n\nSome **bold** words.',
      'config.json': JSON.stringify({ name: 'not a report' }),
      'broken.json': '{ "text": ',
      'NOTES.md': 'annotation notes, not a report',
      'image.png': 'not text at all',
      'empty.txt': '  \n',
    },
    (dir) => {
      const set = collectTexts(dir);
      assert.deepEqual(
        set.texts.map((t) => t.source),
        ['a.json', join('nested', 'c.md'), join('nested', 'deeper', 'b.txt')],
      );
      const [a, c, b] = set.texts;
      assert.equal(a.published, '2024-08-27');
      assert.equal(a.words, 5);
      assert.equal(b.published, null);
      assert.equal(b.text, 'Russia sent oil\nto North Korea.');
      assert.equal(b.words, 6);
      assert.equal(c.words, 4, 'Markdown markup is blanked before counting');
      assert.equal(set.words, 15);
      assert.deepEqual(set.skipped.map((s) => s.source).sort(), ['NOTES.md', 'broken.json', 'config.json', 'empty.txt']);
    },
  );
});

test('collectTexts on a folder with no reports finds nothing', () => {
  withFolder({ 'README.md': 'about', 'data.json': '[1, 2, 3]' }, (dir) => {
    const set = collectTexts(dir);
    assert.equal(set.texts.length, 0);
    assert.equal(set.words, 0);
    assert.equal(set.skipped.length, 2);
  });
});

test('isDocumentationName: all-caps names only', () => {
  assert.ok(isDocumentationName('dir/README.md'));
  assert.ok(isDocumentationName('FORMAT.md'));
  assert.ok(isDocumentationName('CHANGE_LOG.txt'));
  assert.ok(!isDocumentationName('report.md'));
  assert.ok(!isDocumentationName('Notes.md'));
  assert.ok(!isDocumentationName('A.md'));
});

test('repeatText gives exactly N copies separated by blank lines', () => {
  const text = 'One report.\nSecond line.\n';
  for (const n of [1, 10, 100]) {
    const repeated = repeatText(text, n);
    assert.equal(repeated.split('\n\n').length, n);
    assert.ok(repeated.split('\n\n').every((copy) => copy === 'One report.\nSecond line.'));
    assert.equal(countWords(repeated), n * countWords(text));
  }
  assert.throws(() => repeatText(text, 0), RangeError);
  assert.throws(() => repeatText(text, 1.5), RangeError);
});

test('longestText picks the text with the most words', () => {
  const t = (source: string, words: number) => ({ source, text: '', published: null, words });
  assert.equal(longestText([t('a', 3), t('b', 9), t('c', 9), t('d', 1)])?.source, 'b');
  assert.equal(longestText([]), undefined);
});
