import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { badInput } from '../../core/errors.js';

/** One data row of a CSV file: its 1-based line number and its fields by column name. */
export interface CsvRow {
  readonly line: number;
  readonly fields: ReadonlyMap<string, string>;
}

/**
 * Streams the rows of a simple CSV file (comma-separated, a header row, no quoting: the openb
 * files need none), gunzipping `.gz` files on the fly. The header must contain every column in
 * `required`; extra columns are kept. A row with the wrong number of fields, or a quote
 * character, is a `BAD_INPUT` error naming the file and line.
 *
 * @example
 * for await (const row of csvRows('nodes.csv.gz', ['sn', 'gpu'])) console.log(row.line, row.fields.get('sn'));
 */
export async function* csvRows(path: string, required: readonly string[]): AsyncGenerator<CsvRow> {
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const failed = new Promise<never>((_, reject) => {
    const fail = (cause: NodeJS.ErrnoException): void => {
      reject(badInput(cause.code === 'ENOENT' ? 'file not found' : `cannot read file (${cause.message})`, { file: path, cause }));
    };
    raw.on('error', fail);
    input.on('error', fail);
  });
  failed.catch(() => undefined);
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let header: string[] | undefined;
  let line = 0;
  try {
    while (true) {
      const next = await Promise.race([lines.next(), failed]);
      if (next.done === true) break;
      line++;
      const text = next.value.endsWith('\r') ? next.value.slice(0, -1) : next.value;
      if (text === '') continue;
      if (text.includes('"')) throw badInput('quoted CSV fields are not supported', { file: path, line, value: text });
      const cells = text.split(',');
      if (header === undefined) {
        header = cells;
        const missing = required.filter((c) => !cells.includes(c));
        if (missing.length > 0) {
          throw badInput(`CSV header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
            file: path, line, value: text, expected: `a header with ${required.join(',')}`,
          });
        }
        continue;
      }
      if (cells.length !== header.length) {
        throw badInput(`row has ${cells.length} fields, the header ${header.length}`, { file: path, line, value: text });
      }
      const fields = new Map<string, string>();
      header.forEach((name, i) => fields.set(name, cells[i]!));
      yield { line, fields };
    }
  } finally {
    // Also when the consumer stops early or a row is rejected: release the file.
    raw.destroy();
  }
  if (header === undefined) throw badInput('CSV file is empty (no header row)', { file: path });
}

/** A non-negative integer field, or a `BAD_INPUT` error naming file, line and column. */
export function intField(path: string, row: CsvRow, column: string): number {
  const text = row.fields.get(column) ?? '';
  const value = Number(text);
  if (text === '' || !Number.isSafeInteger(value) || value < 0) {
    throw badInput('not a non-negative integer', { file: path, line: row.line, field: column, value: text, expected: 'a non-negative integer' });
  }
  return value;
}
