import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';
import { readLines } from '../read/lines.js';
import { FieldError, type ReadSummary } from '../read/read-summary.js';

/** Tokens per hash block in the Mooncake traces (FAST'25 release README). */
export const MOONCAKE_BLOCK_TOKENS = 512;

/**
 * Mooncake / Kimi request traces (kvcache-ai/Mooncake FAST25-release, Apache-2.0): one JSON
 * object a line, `{timestamp (ms), input_length, output_length, hash_ids}`; `hash_ids` name the
 * 512-token prompt blocks, so equal ids mean a shared, cacheable prefix.
 */
export async function* readMooncakeTrace(path: string, summary: ReadSummary): AsyncGenerator<InferenceRequest> {
  let previousMs = -Infinity;
  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') continue;
    summary.rows++;
    try {
      const request = parseMooncakeLine(text);
      const ms = request.arrivalNs / 1e6;
      if (ms < previousMs) throw new FieldError('timestamp', String(ms), 'a time not earlier than the previous line');
      previousMs = ms;
      summary.accepted++;
      yield request;
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      summary.reject({ line, field: error.field, value: error.value, expected: error.expected });
    }
  }
}

function parseMooncakeLine(text: string): InferenceRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FieldError('(line)', text.slice(0, 80), 'one JSON object');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FieldError('(line)', text.slice(0, 80), 'one JSON object');
  }
  const o = parsed as Record<string, unknown>;
  const timestampMs = nonNegativeNumber(o, 'timestamp', false);
  const promptTokens = nonNegativeNumber(o, 'input_length', true);
  const outputTokens = nonNegativeNumber(o, 'output_length', true);
  const hashes = o.hash_ids;
  if (hashes !== undefined && !(Array.isArray(hashes) && hashes.every((h) => Number.isInteger(h)))) {
    throw new FieldError('hash_ids', JSON.stringify(hashes).slice(0, 80), 'an array of integers');
  }
  return {
    arrivalNs: Math.round(timestampMs * 1e6),
    promptTokens,
    outputTokens,
    ...(hashes === undefined ? {} : { prefixBlockHashes: hashes as number[], prefixBlockTokens: MOONCAKE_BLOCK_TOKENS }),
  };
}

function nonNegativeNumber(o: Record<string, unknown>, field: string, integer: boolean): number {
  const v = o[field];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
    throw new FieldError(field, v === undefined ? 'missing' : JSON.stringify(v), integer ? 'an integer >= 0' : 'a number >= 0');
  }
  return v;
}
