import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

test('a fact box: the scope is a planned flow, the first part of the schedule one of its own', () => {
  const text = 'Ankara agreed a frigate deal with Islamabad.\n\n- Supplier: Turkey\n- Buyer: Pakistan\n- Scope: 4 frigates with training\n- Schedule: the first two frigates are due in March 2025; the rest by 2026\n';
  const out = (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.status} ${t.quantity?.value ?? '-'} ${t.since ?? '-'}`);
  assert.ok(out.includes('TR>PK:weapons planned 4 2025-03'), out.join('; '));
  assert.ok(out.includes('TR>PK:weapons planned 2 2025-03'), out.join('; '));
});
