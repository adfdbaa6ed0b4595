import { badInput } from '../../core/errors.js';
import { CsvRow, headerIndex, splitCsvLine } from './csv.js';
import { readLines } from './lines.js';
import { FieldError, type ReadSummary } from './read-summary.js';

/**
 * Streams a CSV file with a header row through `parse`, one record at a time. A row that
 * fails to parse is reported to `summary` with its line (and skipped, or thrown, per the
 * summary's policy); blank lines are ignored. A bad header is always an error.
 */
export async function* readCsvRecords<T>(
  path: string,
  required: readonly string[],
  summary: ReadSummary,
  parse: (row: CsvRow, line: number) => T,
): AsyncGenerator<T> {
  let index: Map<string, number> | undefined;
  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') continue;
    if (index === undefined) {
      try {
        index = headerIndex(text.replace(/^\uFEFF/, ''), required);
      } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        throw badInput('bad CSV header', { file: path, line, field: error.field, value: error.value, expected: error.expected });
      }
      continue;
    }
    summary.rows++;
    let record: T;
    try {
      record = parse(new CsvRow(splitCsvLine(text), index), line);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      summary.reject({ line, field: error.field, value: error.value, expected: error.expected });
      continue;
    }
    summary.accepted++;
    yield record;
  }
  if (index === undefined) throw badInput('empty file', { file: path, expected: `a CSV header with ${required.join(', ')}` });
}

/** Headerless CSV (Alibaba v2020 tables): the caller names the columns. */
export async function* readHeaderlessCsvRecords<T>(
  path: string,
  columns: readonly string[],
  summary: ReadSummary,
  parse: (row: CsvRow, line: number) => T,
): AsyncGenerator<T> {
  const index = new Map(columns.map((c, i) => [c, i] as const));
  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') continue;
    summary.rows++;
    let record: T;
    try {
      const fields = splitCsvLine(text);
      if (fields.length !== columns.length) throw new FieldError('(record)', text, `${columns.length} fields (${columns.join(',')})`);
      record = parse(new CsvRow(fields, index), line);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      summary.reject({ line, field: error.field, value: error.value, expected: error.expected });
      continue;
    }
    summary.accepted++;
    yield record;
  }
}
