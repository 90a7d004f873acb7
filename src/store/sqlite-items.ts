// Writing one report's items into the item tables, from its extraction. Runs inside the
// caller's transaction; the statements are prepared once per connection.
import type Database from 'better-sqlite3';
import type { Extraction } from '../core/output/extraction.js';

const bit = (b: boolean | undefined): number => (b ? 1 : 0);

export type ItemWriter = (reportId: string, x: Extraction) => void;

export function itemWriter(db: Database.Database): ItemWriter {
  const actor = db.prepare('INSERT INTO actors (report_id, actor_id, type, name, aliases, role, affiliation, country, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const mention = db.prepare('INSERT INTO mentions (report_id, actor_id, start, "end", text, kind, rule) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const transfer = db.prepare(`INSERT INTO transfers (report_id, n, from_actor, to_actor, category, item, quantity, quantity_value, quantity_min,
    quantity_max, quantity_unit, since, until, status, source, source_text, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const event = db.prepare('INSERT INTO events (report_id, n, type, actors, date, place, rule) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const attribution = db.prepare(`INSERT INTO attributions (report_id, n, kind, source, source_text, text, start, "end", speaker_start, speaker_end,
    cue_start, cue_end, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const quantity = db.prepare(`INSERT INTO quantities (report_id, n, text, value, min, max, unit, approx, vague, per, item, change_factor,
    change_approx, start, "end", rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const time = db.prepare('INSERT INTO times (report_id, n, text, value, type, estimated, start, "end", rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const place = db.prepare('INSERT INTO places (report_id, n, text, start, "end") VALUES (?, ?, ?, ?, ?)');
  const inconsistency = db.prepare('INSERT INTO inconsistencies (report_id, n, kind, reason, rule) VALUES (?, ?, ?, ?, ?)');
  const span = db.prepare('INSERT INTO spans (report_id, item_kind, item_n, start, "end") VALUES (?, ?, ?, ?, ?)');

  return (id, x) => {
    for (const a of x.actors) {
      actor.run(id, a.id, a.type, a.name, JSON.stringify(a.aliases), a.role ?? null, a.affiliation ?? null, a.country ?? null, a.rule);
      for (const m of a.mentions) mention.run(id, a.id, m.start, m.end, m.text, m.kind, m.rule);
    }
    x.transfers.forEach((t, n) => {
      const q = t.quantity;
      transfer.run(id, n, t.from, t.to, t.category, t.item, q ? JSON.stringify(q) : null, q?.value ?? null, q?.min ?? null, q?.max ?? null,
        q?.unit ?? null, t.since, t.until, t.status, t.source, t.source_text ?? null, t.rule);
      for (const s of t.spans) span.run(id, 'transfer', n, s.start, s.end);
    });
    x.events.forEach((e, n) => {
      event.run(id, n, e.type, JSON.stringify(e.actors), e.date, e.place, e.rule);
      for (const s of e.spans) span.run(id, 'event', n, s.start, s.end);
    });
    x.attributions.forEach((a, n) => attribution.run(id, n, a.kind, a.source, a.source_text ?? null, a.text, a.start, a.end,
      a.speaker?.start ?? null, a.speaker?.end ?? null, a.cue?.start ?? null, a.cue?.end ?? null, a.rule));
    x.quantities.forEach((q, n) => quantity.run(id, n, q.text, q.value, q.min, q.max, q.unit, bit(q.approx), bit(q.vague), q.per ?? null,
      q.item ?? null, q.change?.factor ?? null, q.change ? bit(q.change.approx) : null, q.start, q.end, q.rule));
    x.times.forEach((t, n) => time.run(id, n, t.text, t.value, t.type, bit(t.estimated), t.start, t.end, t.rule));
    x.places.forEach((p, n) => place.run(id, n, p.text, p.start, p.end));
    x.inconsistencies.forEach((c, n) => {
      inconsistency.run(id, n, c.kind, c.reason, c.rule);
      for (const s of c.spans) span.run(id, 'inconsistency', n, s.start, s.end);
    });
  };
}
