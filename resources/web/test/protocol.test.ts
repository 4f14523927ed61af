// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the server's messages: selections, rows added to data, the schema's kinds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Buffers, Element, isKind, selectionOf, withRows } from '../src/protocol';
import { FAMILY, KINDS } from '../src/schema';

test('a selection is read member by member', () => {
  assert.deepEqual(selectionOf({ rows: [1, 'x', 3], box: [0, 1, 2, 3] }), { rows: [1, 3], box: [0, 1, 2, 3] });
  assert.deepEqual(selectionOf({ rows: [2], box: [0, 1] }), { rows: [2], box: null });
  assert.deepEqual(selectionOf('nonsense'), { rows: [], box: null });
  assert.deepEqual(selectionOf(undefined), { rows: [], box: null });
});

test('rows are added below an element whose columns they match', () => {
  const buffers = new Buffers();
  const table: Element = {
    kind: 'table',
    props: { rows: 2 },
    data: {
      rows: 2,
      columns: [
        { name: 'x', type: 'f64', array: Float64Array.from([1, 2]) },
        { name: 's', type: 'text', values: ['a', 'b'] },
      ],
    },
  };
  const more = {
    rows: 1,
    columns: [
      { name: 's', type: 'text' as const, values: ['c'] },
      { name: 'x', type: 'f64' as const, array: Float64Array.from([3]) },
    ],
  };
  const grown = withRows(table, more, buffers);
  assert.ok(grown && isKind(grown, ['table']));
  assert.equal(grown.props.rows, 3);
  assert.deepEqual([...buffers.numbers(grown.data!.columns[0])], [1, 2, 3]);
  assert.deepEqual(grown.data!.columns[1].values, ['a', 'b', 'c']);
  const wrong = {
    rows: 1,
    columns: [{ name: 'y', type: 'f64' as const, array: Float64Array.from([3]) }, more.columns[0]],
  };
  assert.equal(withRows(table, wrong, buffers), undefined);
});

test('every kind has a family', () => {
  assert.ok(KINDS.length > 50);
  for (const kind of KINDS) assert.ok(FAMILY[kind]);
  assert.equal(FAMILY.slider, 'widget');
});
