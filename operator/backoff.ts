/**
 * Exponential back-off: `initialMs * 2^(failures - 1)`, capped at `maxMs`. Deterministic (no
 * jitter): the operator's retries are per key and few, so synchronised retries are not a risk
 * worth the non-reproducible timing in tests.
 */
export interface BackoffOptions {
  /** Delay after the first failure. Default 50 ms. */
  initialMs?: number;
  /** Largest delay. Default 30 s. */
  maxMs?: number;
}

/**
 * Checks back-off options and returns a function from failure count to delay.
 *
 * @example
 * const delayOf = backoff({ initialMs: 100, maxMs: 1000 });
 * delayOf(1); // 100
 * delayOf(5); // 1000 (capped)
 * @throws RangeError quoting a bad option.
 */
export function backoff(options: BackoffOptions = {}): (failures: number) => number {
  const initialMs = options.initialMs ?? 50;
  const maxMs = options.maxMs ?? 30_000;
  if (!Number.isFinite(initialMs) || initialMs <= 0) throw new RangeError(`backoff initialMs must be a positive number, got ${initialMs}`);
  if (!Number.isFinite(maxMs) || maxMs < initialMs) throw new RangeError(`backoff maxMs must be >= initialMs (${initialMs}), got ${maxMs}`);
  return (failures) => (failures <= 0 ? 0 : Math.min(maxMs, initialMs * 2 ** Math.min(failures - 1, 40)));
}
