// The extract command as a user runs it: a built CLI in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');
const tmp = mkdtempSync(join(tmpdir(), 'trawl-extract-'));

function trawl(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('extract prints FORMAT.md-shaped JSON whose spans point at the text', () => {
  const text = 'Kremlin spokesman Dmitry Peskov said Pyongyang was a partner.';
  const r = trawl(['extract', '-', '--published', '2024-05-02'], text);
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  for (const key of ['actors', 'attributions', 'transfers', 'events', 'times', 'inconsistencies']) assert.ok(Array.isArray(out[key]), key);
  assert.equal(out.published, '2024-05-02');
  const peskov = out.actors.find((a: { id: string }) => a.id === 'p_peskov');
  assert.equal(peskov.affiliation, 'RU');
  for (const a of out.actors) for (const m of a.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test('the bundled example runs in text mode with evidence in context', () => {
  const r = trawl(['extract', 'examples/report.txt', '--published', '2024-10-18', '--format', 'text']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Persons \(\d+\)/);
  assert.match(r.out, /\[Selma Oduya-Haraldsen\]/);
  assert.match(r.out, /senior analyst, for o_harrow_strait_monitor/);
});

test('--trace says which rule produced each item', () => {
  const r = trawl(['extract', '-', '--published', 'unknown', '--trace'], 'Seoul objected.');
  const out = JSON.parse(r.out);
  assert.equal(out.published, null);
  assert.ok(out.trace.some((e: { rule: string; action: string }) => e.rule === 'lexicon:country' && e.action.includes('KR')));
});

test('HTML: boilerplate is dropped and spans refer to the returned article text', () => {
  const nav = '<nav><a href="/">Home</a> | <a href="/world">World</a></nav>';
  const body = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1}: officials in Seoul said Pyongyang shipped more shells to Russia by rail, and analysts agreed the flow had grown.</p>`).join('');
  const html = `<!doctype html><html><head><title>T</title><meta property="article:published_time" content="2024-03-09T10:00:00Z"></head><body>${nav}<article><h1>Rail shipments grow</h1>${body}</article><footer>© Example News. Subscribe now.</footer></body></html>`;
  const file = join(tmp, 'story.html');
  writeFileSync(file, html);
  const r = trawl(['extract', file]);
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  assert.equal(out.published, '2024-03-09');
  assert.ok(!out.text.includes('Subscribe'), 'footer boilerplate removed');
  assert.ok(out.text.includes('Paragraph 1: officials in Seoul'));
  for (const a of out.actors) for (const m of a.mentions) assert.equal(out.text.slice(m.start, m.end), m.text);
});

test('Markdown markup is blanked out in place, so offsets match the file', () => {
  const md = '# Shells by rail\n\n**Pyongyang** sent shells to [Moscow](https://example.org/x).\n';
  const file = join(tmp, 'story.md');
  writeFileSync(file, md);
  const out = JSON.parse(trawl(['extract', file, '--published', '2024-01-01']).out);
  const kp = out.actors.find((a: { id: string }) => a.id === 'KP');
  assert.equal(md.slice(kp.mentions[0].start, kp.mentions[0].end), 'Pyongyang');
  assert.ok(out.actors.some((a: { id: string }) => a.id === 'RU'));
});

const bad: [string, string | Buffer, RegExp][] = [
  ['empty.txt', '', /is empty/],
  ['blank.txt', '  \n\n  ', /no text/],
  ['binary.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]), /binary/],
  ['latin1.txt', Buffer.from('Caf\xe9 in Seoul', 'latin1'), /not valid UTF-8/],
  ['empty.html', '<!doctype html><html><head><title>x</title><script>var a=1</script></head><body><div></div></body></html>', /HTML with no readable text/],
  ['fake.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj', /is a PDF/],
];
for (const [name, content, reason] of bad) {
  test(`bad input ${name}: one line naming the file and the reason, exit 2`, () => {
    const file = join(tmp, name);
    writeFileSync(file, content);
    const r = trawl(['extract', file]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 1, r.err);
    assert.ok(lines[0].startsWith(`trawl: ${file}: `), lines[0]);
    assert.match(lines[0], reason);
  });
}

test('a missing file, a folder, an over-size file and a bad date are refused the same way', () => {
  const missing = trawl(['extract', join(tmp, 'nope.txt')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\.txt: no such file/);
  assert.match(trawl(['extract', tmp]).err, /is a folder/);
  const big = join(tmp, 'big.txt');
  writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 'a'));
  const r = trawl(['extract', big]);
  assert.equal(r.code, 2);
  assert.match(r.err, /over 20 MB are refused/);
  const date = trawl(['extract', '-', '--published', '2024-02-30'], 'Seoul.');
  assert.equal(date.code, 2);
  assert.match(date.err, /--published must be a date/);
});

test('usage errors exit with 2 and say what is wrong; --help exits with 0', () => {
  const missing = trawl(['ingest']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /missing required argument 'paths'/);
  const unknown = trawl(['extract', '--no-such-option']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown option '--no-such-option'/);
  const help = trawl(['extract', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /--published/);
});
