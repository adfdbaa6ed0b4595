import { WeftError } from './errors.js';

/**
 * One clear line for a person: `error: <where>: <what>: got <value> (expected <what>)`.
 * With `debug`, the stack (and the cause's stack) follow on later lines. Errors that are not
 * WeftErrors are internal: they are labelled as such and always carry a hint to rerun with
 * `--debug`, since they are bugs.
 *
 * @example
 * formatError(badInput('not a number', { file: 'c.yaml', line: 3, column: 9, field: 'gpus', value: 'x', expected: 'an integer' }))
 * // "error: c.yaml:3:9: gpus: not a number: got \"x\" (expected an integer)"
 */
export function formatError(error: unknown, options: { debug?: boolean } = {}): string {
  const debug = options.debug ?? false;
  if (error instanceof WeftError) {
    const d = error.details;
    const parts: string[] = [];
    const where = formatWhere(d.file, d.line, d.column);
    if (where !== '') parts.push(where);
    if (d.field !== undefined) parts.push(d.field);
    let line = `error: ${[...parts, error.message].join(': ')}`;
    if ('value' in d) line += `: got ${renderValue(d.value)}`;
    if (d.expected !== undefined) line += ` (expected ${d.expected})`;
    if (debug) line += `\n${stackOf(error)}`;
    return line;
  }
  const message = error instanceof Error ? error.message : String(error);
  const line = `internal error: ${message}`;
  return debug ? `${line}\n${stackOf(error)}` : `${line} (rerun with --debug for the stack trace)`;
}

function formatWhere(file?: string, line?: number, column?: number): string {
  if (file === undefined) return line === undefined ? '' : `line ${line}`;
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/** Short, single-line rendering of a bad value (long values are cut). */
export function renderValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'number' && !Number.isFinite(value)) text = value.toString();
  else if (typeof value === 'function' || typeof value === 'symbol') text = `<${typeof value}>`;
  else {
    try {
      text = JSON.stringify(value);
    } catch {
      text = '<unprintable value>';
    }
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function stackOf(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    lines.push(current instanceof Error ? (current.stack ?? current.message) : renderValue(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) lines.push('caused by:');
  }
  return lines.join('\n');
}
