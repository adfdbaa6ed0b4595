import { LineCounter, parseDocument } from 'yaml';
import { badInput, WeftError } from '../../../core/errors.js';

/**
 * Re-raises a WeftError about a scenario value (an unknown model, a malformed SLO) against the
 * file: its line and column and the field path, keeping the message, value and expectation.
 */
export function atScenarioField(error: unknown, file: string, text: string, path: readonly (string | number)[]): never {
  if (!(error instanceof WeftError)) throw error;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const node: unknown = doc.getIn(path, true);
  const offset = node !== null && typeof node === 'object' && 'range' in node ? (node as { range?: [number, number, number] }).range?.[0] : undefined;
  const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
  const field = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');
  const d = error.details;
  throw badInput(error.message, {
    file,
    ...(pos === undefined ? {} : { line: pos.line, column: pos.col }),
    field,
    ...('value' in d ? { value: d.value } : {}),
    ...(d.expected === undefined ? {} : { expected: d.expected }),
    cause: error,
  });
}
