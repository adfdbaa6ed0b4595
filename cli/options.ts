import { badInput } from '../core/errors.js';

/** `--seed` as a non-negative safe integer (default 1). */
export function parseSeed(value: string | boolean | undefined): number {
  if (value === undefined) return 1;
  return parseIntegerOption('--seed', value, { min: 0 });
}

/** An integer flag within bounds, or a BAD_INPUT error quoting the flag and value. */
export function parseIntegerOption(
  flag: string,
  value: string | boolean | undefined,
  bounds: { min?: number; max?: number } = {},
): number {
  const min = bounds.min ?? Number.MIN_SAFE_INTEGER;
  const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw badInput('invalid value', { field: flag, value, expected: `an integer in [${min}, ${max}]` });
  }
  return n;
}

/** A number flag within bounds. */
export function parseNumberOption(
  flag: string,
  value: string | boolean | undefined,
  bounds: { min?: number; max?: number; exclusiveMin?: boolean } = {},
): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  const min = bounds.min ?? -Infinity;
  const max = bounds.max ?? Infinity;
  const belowMin = bounds.exclusiveMin === true ? n <= min : n < min;
  if (!Number.isFinite(n) || belowMin || n > max) {
    const low = bounds.exclusiveMin === true ? `(${min}` : `[${min}`;
    throw badInput('invalid value', { field: flag, value, expected: `a number in ${low}, ${max}]` });
  }
  return n;
}
