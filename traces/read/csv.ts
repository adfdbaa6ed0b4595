import { FieldError } from './read-summary.js';

/**
 * Splits one CSV record (RFC 4180 quoting: fields in double quotes may contain commas and
 * doubled quotes). Records spanning lines are not supported: none of the traces Weft reads
 * has them, and rejecting them keeps line numbers exact.
 * @throws FieldError for an unterminated quote.
 */
export function splitCsvLine(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new FieldError('(record)', text, 'a closing double quote');
        value += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      fields.push(text.slice(i, end));
      i = end;
    }
    if (i >= text.length) break;
    if (text[i] !== ',') throw new FieldError('(record)', text, 'a comma after a quoted field');
    i++;
    if (i === text.length) {
      fields.push('');
      break;
    }
  }
  return fields;
}

/**
 * Named access to the fields of a CSV row with typed getters that throw FieldError naming the
 * column, the bad value and what was expected.
 */
export class CsvRow {
  readonly #fields: readonly string[];
  readonly #index: ReadonlyMap<string, number>;

  constructor(fields: readonly string[], index: ReadonlyMap<string, number>) {
    this.#fields = fields;
    this.#index = index;
  }

  /** Fields in this row (a well-formed row has `columnCount`). */
  get fieldCount(): number {
    return this.#fields.length;
  }

  /** Columns named in the header. */
  get columnCount(): number {
    return this.#index.size;
  }

  /** True when the header has `column` (for optional columns, such as those only one cluster publishes). */
  has(column: string): boolean {
    return this.#index.has(column);
  }

  string(column: string): string {
    const i = this.#index.get(column);
    if (i === undefined) throw new FieldError(column, '', 'a column of that name in the header');
    return (this.#fields[i] ?? '').trim();
  }

  /** A finite number (decimal or exponent notation). */
  number(column: string, options: { min?: number; integer?: boolean } = {}): number {
    const text = this.string(column);
    const value = text === '' ? Number.NaN : Number(text);
    const min = options.min ?? -Infinity;
    const ok = Number.isFinite(value) && value >= min && (options.integer !== true || Number.isInteger(value));
    if (!ok) {
      const kind = options.integer === true ? 'an integer' : 'a number';
      throw new FieldError(column, text, min === -Infinity ? kind : `${kind} >= ${min}`);
    }
    return value;
  }
}

/** Column positions from a header line, checking that `required` columns are present. */
export function headerIndex(headerText: string, required: readonly string[]): Map<string, number> {
  const names = splitCsvLine(headerText).map((n) => n.trim());
  const index = new Map(names.map((name, i) => [name, i] as const));
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) throw new FieldError('header', headerText, `columns ${required.join(', ')} (missing ${missing.join(', ')})`);
  return index;
}
