import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';
import { readCsvRecords } from '../read/csv-records.js';
import { FieldError, type ReadSummary } from '../read/read-summary.js';

/**
 * The Azure LLM inference trace (Splitwise, ISCA'24; Azure/AzurePublicDataset,
 * `AzureLLMInferenceTrace_{code,conv}.csv`, CC BY 4.0): `TIMESTAMP,ContextTokens,GeneratedTokens`
 * with timestamps like `2023-11-16 18:17:03.9799600` (UTC, 100 ns resolution).
 *
 * Arrival times are relative to the first row, exact to the nanosecond (the fractional
 * seconds are read as digits, not through a float). Rows must be in time order, as published;
 * a row earlier than its predecessor is malformed.
 */
export async function* readAzureLlmTrace(path: string, summary: ReadSummary): AsyncGenerator<InferenceRequest> {
  let first: AzureTimestamp | undefined;
  let previousNs = -Infinity;
  yield* readCsvRecords(path, ['TIMESTAMP', 'ContextTokens', 'GeneratedTokens'], summary, (row) => {
    const stamp = parseAzureTimestamp(row.string('TIMESTAMP'));
    const promptTokens = row.number('ContextTokens', { integer: true, min: 1 });
    const outputTokens = row.number('GeneratedTokens', { integer: true, min: 0 });
    first ??= stamp;
    const arrivalNs = nanosBetween(first, stamp);
    if (arrivalNs < previousNs) throw new FieldError('TIMESTAMP', row.string('TIMESTAMP'), 'a time not earlier than the previous row');
    previousNs = arrivalNs;
    return { arrivalNs, promptTokens, outputTokens };
  });
}

/**
 * A timestamp as whole seconds since the epoch plus nanoseconds: nanoseconds since the epoch
 * (~1.7e18) exceed 2^53 and would lose precision in a double.
 */
export interface AzureTimestamp {
  epochSeconds: number;
  nanos: number;
}

/** Exact nanoseconds from `a` to `b` (exact while the span is under 2^53 ns, about 104 days). */
export function nanosBetween(a: AzureTimestamp, b: AzureTimestamp): number {
  return (b.epochSeconds - a.epochSeconds) * 1e9 + (b.nanos - a.nanos);
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

/** `YYYY-MM-DD HH:MM:SS[.fraction]` (UTC) as seconds and nanoseconds since the epoch. */
export function parseAzureTimestamp(text: string): AzureTimestamp {
  const m = TIMESTAMP.exec(text);
  if (m === null) throw new FieldError('TIMESTAMP', text, 'a time like 2023-11-16 18:17:03.9799600');
  const [, y, mo, d, h, mi, s, fraction = ''] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) throw new FieldError('TIMESTAMP', text, 'a valid calendar time');
  return { epochSeconds: ms / 1000, nanos: Number(fraction.padEnd(9, '0')) };
}
