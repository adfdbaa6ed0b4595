/**
 * Filtering, sorting and scrolling shared by every list view. A column declares how to read a
 * sortable value from a row; the filter matches any column's text, case-insensitively.
 */
export interface Column<Row> {
  key: string;
  title: string;
  width: number;
  align?: 'left' | 'right';
  text: (row: Row) => string;
  /** Sort value; defaults to the text. */
  value?: (row: Row) => number | string;
}

export function filterRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], filter: string): Row[] {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return [...rows];
  return rows.filter((row) => columns.some((c) => c.text(row).toLowerCase().includes(needle)));
}

/** Stable sort by the column `key` (unknown keys keep the source order). */
export function sortRows<Row>(rows: Row[], columns: readonly Column<Row>[], key: string, descending: boolean): Row[] {
  const column = columns.find((c) => c.key === key);
  if (column === undefined) return rows;
  const read = column.value ?? column.text;
  const direction = descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, v: read(row) }))
    .sort((a, b) => (a.v < b.v ? -direction : a.v > b.v ? direction : a.index - b.index))
    .map((e) => e.row);
}

/** First visible row so that `selected` stays on screen in a window of `height` rows. */
export function windowStart(selected: number, height: number, length: number): number {
  if (length <= height) return 0;
  return Math.min(Math.max(0, selected - Math.floor(height / 2)), length - height);
}
