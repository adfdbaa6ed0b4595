import { Box, Text } from 'ink';
import { clampSelection } from '../app/state.js';
import { filterRows, sortRows, windowStart, type Column } from '../app/list.js';
import { fit } from '../format.js';
import { theme } from '../theme.js';

export interface TableProps<Row> {
  title: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  filter: string;
  sortKey: string;
  sortDescending: boolean;
  selected: number;
  height: number;
  rowKey: (row: Row) => string;
  rowColor?: (row: Row) => string | undefined;
}

/** The rows a table shows, in order: what `describe` and the views agree on. */
export function visibleRows<Row>(props: Pick<TableProps<Row>, 'rows' | 'columns' | 'filter' | 'sortKey' | 'sortDescending'>): Row[] {
  return sortRows(filterRows(props.rows, props.columns, props.filter), props.columns, props.sortKey, props.sortDescending);
}

/** A k9s-style table: title with counts, header (sort column marked), a scrolling window of rows. */
export function TableView<Row>(props: TableProps<Row>) {
  const rows = visibleRows(props);
  const selected = clampSelection(props.selected, rows.length);
  const bodyHeight = Math.max(1, props.height - 2);
  const start = windowStart(selected, bodyHeight, rows.length);
  const shown = rows.slice(start, start + bodyHeight);
  const cell = (text: string, column: Column<Row>): string =>
    column.align === 'right' ? fit(text, column.width).trimEnd().padStart(column.width) : fit(text, column.width);
  return (
    <Box flexDirection="column">
      <Text bold color={theme.title} wrap="truncate-end">
        {props.title}({rows.length}
        {rows.length === props.rows.length ? '' : `/${props.rows.length}`}){props.filter === '' ? '' : ` /${props.filter}`}
      </Text>
      <Text bold wrap="truncate-end">
        {props.columns
          .map((c) => cell(c.key === props.sortKey ? `${c.title}${props.sortDescending ? '↓' : '↑'}` : c.title, c))
          .join(' ')}
      </Text>
      {shown.map((row, i) => {
        const isSelected = start + i === selected;
        return (
          <Text key={props.rowKey(row)} inverse={isSelected} color={isSelected ? theme.selection : props.rowColor?.(row)} wrap="truncate-end">
            {props.columns.map((c) => cell(c.text(row), c)).join(' ')}
          </Text>
        );
      })}
      {rows.length === 0 ? <Text color={theme.muted}>nothing matches</Text> : null}
    </Box>
  );
}
