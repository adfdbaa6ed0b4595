import { badInput } from '../../core/errors.js';

/**
 * The load a deployment must carry, as the planner sees it: a mean request rate and the
 * empirical distribution of prompt and output lengths (from a request trace, or a synthetic one).
 * The planner only needs moments and percentiles, which are computed once here.
 */
export interface LoadProfile {
  /** Mean arrival rate over the whole deployment, requests per second. */
  readonly requestsPerSec: number;
  readonly promptTokens: TokenStats;
  readonly outputTokens: TokenStats;
  /** The sampled requests, for resampling a stream to simulate (the verify step). */
  readonly requests: readonly { readonly promptTokens: number; readonly outputTokens: number }[];
}

/** Moments and percentiles of a token-count distribution. */
export interface TokenStats {
  readonly mean: number;
  /** E[X^2], for the Pollaczek-Khinchine waiting time. */
  readonly secondMoment: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly samples: number;
  /** `percentiles[k]` is the k-th percentile (nearest rank), k = 0..100: the distribution's shape for mixtures. */
  readonly percentiles: readonly number[];
}

/**
 * Statistics of token counts (each a positive integer).
 * @throws WeftError BAD_INPUT when `counts` is empty or holds a non-positive or non-integer count.
 */
export function tokenStats(counts: readonly number[], field: string): TokenStats {
  if (counts.length === 0) throw badInput('no token counts', { field, expected: 'at least one request' });
  let sum = 0;
  let sumSquares = 0;
  counts.forEach((count, index) => {
    if (!Number.isInteger(count) || count < 1) {
      throw badInput('token count must be a positive integer', { field: `${field}[${index}]`, value: count, expected: 'an integer >= 1' });
    }
    sum += count;
    sumSquares += count * count;
  });
  const sorted = [...counts].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return {
    mean: sum / counts.length,
    secondMoment: sumSquares / counts.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted[sorted.length - 1]!,
    samples: counts.length,
    percentiles: Array.from({ length: 101 }, (_, k) => (k === 0 ? sorted[0]! : at(k / 100))),
  };
}

/**
 * A load profile from a rate and sampled requests.
 * @example
 * const load = loadProfile(40, [{ promptTokens: 1020, outputTokens: 250 }, ...]);
 * @throws WeftError BAD_INPUT for a non-positive rate or bad token counts.
 */
export function loadProfile(requestsPerSec: number, requests: readonly { promptTokens: number; outputTokens: number }[]): LoadProfile {
  if (!(requestsPerSec > 0) || !Number.isFinite(requestsPerSec)) {
    throw badInput('request rate must be positive', { field: 'qps', value: requestsPerSec, expected: 'a finite number > 0 of requests per second' });
  }
  return {
    requestsPerSec,
    promptTokens: tokenStats(requests.map((r) => r.promptTokens), 'promptTokens'),
    outputTokens: tokenStats(requests.map((r) => r.outputTokens), 'outputTokens'),
    requests: requests.map((r) => ({ promptTokens: r.promptTokens, outputTokens: r.outputTokens })),
  };
}
