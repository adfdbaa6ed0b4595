import { badInput } from '../../core/errors.js';

/** What to do with a row that does not parse. */
export type MalformedRowPolicy = 'error' | 'skip';

/** One malformed row: where, which field, the bad value and what was expected. */
export interface RowIssue {
  line: number;
  field: string;
  value: string;
  expected: string;
}

/**
 * Tally of one read: every row is either accepted or skipped with a reason, so nothing is
 * dropped silently. Keeps the first `keepIssues` issues verbatim and counts the rest.
 */
export class ReadSummary {
  readonly file: string;
  readonly policy: MalformedRowPolicy;
  rows = 0;
  accepted = 0;
  skipped = 0;
  readonly issues: RowIssue[] = [];
  readonly #keepIssues: number;

  constructor(file: string, policy: MalformedRowPolicy = 'error', keepIssues = 20) {
    this.file = file;
    this.policy = policy;
    this.#keepIssues = keepIssues;
  }

  /** Records a malformed row: throws (policy 'error') or counts it as skipped. */
  reject(issue: RowIssue): void {
    if (this.policy === 'error') {
      throw badInput('malformed row', {
        file: this.file,
        line: issue.line,
        field: issue.field,
        value: issue.value,
        expected: issue.expected,
      });
    }
    this.skipped++;
    if (this.issues.length < this.#keepIssues) this.issues.push(issue);
  }

  /** One line for people: `read 8819 rows of x.csv: 8817 accepted, 2 skipped (first: line 7 ...)`. */
  describe(): string {
    const head = `read ${this.rows} rows of ${this.file}: ${this.accepted} accepted, ${this.skipped} skipped`;
    const first = this.issues[0];
    if (first === undefined) return head;
    return `${head} (first: line ${first.line}, ${first.field} = ${JSON.stringify(first.value)}, expected ${first.expected})`;
  }
}

/** Thrown by a field parser; the reader turns it into a RowIssue with the line number. */
export class FieldError extends Error {
  readonly field: string;
  readonly value: string;
  readonly expected: string;

  constructor(field: string, value: string, expected: string) {
    super(`${field}: got ${JSON.stringify(value)}, expected ${expected}`);
    this.field = field;
    this.value = value;
    this.expected = expected;
  }
}
