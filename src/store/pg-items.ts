// One statement that fills every item table for one report from the extraction stored in its
// row, inside PostgreSQL: one round trip per report however many items it has. Item numbers
// (`n`) count from 0 in extraction order, as in the SQLite store.
const each = (array: string, alias: string) => `reports r CROSS JOIN jsonb_array_elements(r.extraction->'${array}') WITH ORDINALITY ${alias}(v, n)`;

export const INSERT_ITEMS = `
WITH
a AS (
  INSERT INTO actors (report_id, actor_id, type, name, aliases, role, affiliation, country, rule)
  SELECT r.id, a.v->>'id', a.v->>'type', a.v->>'name', a.v->'aliases', a.v->>'role', a.v->>'affiliation', a.v->>'country', a.v->>'rule'
  FROM ${each('actors', 'a')} WHERE r.id = $1 RETURNING 1
),
m AS (
  INSERT INTO mentions (report_id, actor_id, start, "end", text, kind, rule)
  SELECT r.id, a.v->>'id', (m->>'start')::int, (m->>'end')::int, m->>'text', m->>'kind', m->>'rule'
  FROM ${each('actors', 'a')} CROSS JOIN jsonb_array_elements(a.v->'mentions') m WHERE r.id = $1 RETURNING 1
),
t AS (
  INSERT INTO transfers (report_id, n, from_actor, to_actor, category, item, quantity, quantity_value, quantity_min, quantity_max,
    quantity_unit, since, until, status, source, source_text, rule)
  SELECT r.id, t.n - 1, t.v->>'from', t.v->>'to', t.v->>'category', t.v->>'item', NULLIF(t.v->'quantity', 'null'::jsonb),
    (t.v#>>'{quantity,value}')::float8, (t.v#>>'{quantity,min}')::float8, (t.v#>>'{quantity,max}')::float8, t.v#>>'{quantity,unit}',
    t.v->>'since', t.v->>'until', t.v->>'status', t.v->>'source', t.v->>'source_text', t.v->>'rule'
  FROM ${each('transfers', 't')} WHERE r.id = $1 RETURNING 1
),
e AS (
  INSERT INTO events (report_id, n, type, actors, date, place, rule)
  SELECT r.id, e.n - 1, e.v->>'type', e.v->'actors', e.v->>'date', e.v->>'place', e.v->>'rule'
  FROM ${each('events', 'e')} WHERE r.id = $1 RETURNING 1
),
at AS (
  INSERT INTO attributions (report_id, n, kind, source, source_text, text, start, "end", speaker_start, speaker_end, cue_start, cue_end, rule)
  SELECT r.id, x.n - 1, x.v->>'kind', x.v->>'source', x.v->>'source_text', x.v->>'text', (x.v->>'start')::int, (x.v->>'end')::int,
    (x.v#>>'{speaker,start}')::int, (x.v#>>'{speaker,end}')::int, (x.v#>>'{cue,start}')::int, (x.v#>>'{cue,end}')::int, x.v->>'rule'
  FROM ${each('attributions', 'x')} WHERE r.id = $1 RETURNING 1
),
q AS (
  INSERT INTO quantities (report_id, n, text, value, min, max, unit, approx, vague, per, item, change_factor, change_approx, start, "end", rule)
  SELECT r.id, q.n - 1, q.v->>'text', (q.v->>'value')::float8, (q.v->>'min')::float8, (q.v->>'max')::float8, q.v->>'unit',
    coalesce((q.v->>'approx')::boolean, false), coalesce((q.v->>'vague')::boolean, false), q.v->>'per', q.v->>'item',
    (q.v#>>'{change,factor}')::float8, (q.v#>>'{change,approx}')::boolean, (q.v->>'start')::int, (q.v->>'end')::int, q.v->>'rule'
  FROM ${each('quantities', 'q')} WHERE r.id = $1 RETURNING 1
),
ti AS (
  INSERT INTO times (report_id, n, text, value, type, estimated, start, "end", rule)
  SELECT r.id, x.n - 1, x.v->>'text', x.v->>'value', x.v->>'type', coalesce((x.v->>'estimated')::boolean, false),
    (x.v->>'start')::int, (x.v->>'end')::int, x.v->>'rule'
  FROM ${each('times', 'x')} WHERE r.id = $1 RETURNING 1
),
p AS (
  INSERT INTO places (report_id, n, text, start, "end")
  SELECT r.id, x.n - 1, x.v->>'text', (x.v->>'start')::int, (x.v->>'end')::int
  FROM ${each('places', 'x')} WHERE r.id = $1 RETURNING 1
),
i AS (
  INSERT INTO inconsistencies (report_id, n, kind, reason, rule)
  SELECT r.id, x.n - 1, x.v->>'kind', x.v->>'reason', x.v->>'rule'
  FROM ${each('inconsistencies', 'x')} WHERE r.id = $1 RETURNING 1
),
s AS (
  INSERT INTO spans (report_id, item_kind, item_n, start, "end")
  SELECT r.id, kinds.kind, x.n - 1, (s->>'start')::int, (s->>'end')::int
  FROM reports r
  CROSS JOIN (VALUES ('transfer', 'transfers'), ('event', 'events'), ('inconsistency', 'inconsistencies')) AS kinds (kind, array_name)
  CROSS JOIN jsonb_array_elements(r.extraction->kinds.array_name) WITH ORDINALITY x(v, n)
  CROSS JOIN jsonb_array_elements(x.v->'spans') s
  WHERE r.id = $1 RETURNING 1
)
SELECT 1`;
