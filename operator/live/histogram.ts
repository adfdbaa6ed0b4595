import type { PromSample } from './prom-text.js';

/** A cumulative Prometheus histogram: counts of observations <= each upper bound, ascending; the last bound is +Inf. */
export interface CumulativeHistogram {
  bounds: number[];
  counts: number[];
  sum: number;
}

/**
 * The histogram `name` summed over every label set (vLLM labels by model_name; one replica
 * serves one model, several replicas are summed by the caller), or undefined when absent.
 * Series with differing bucket bounds cannot be added: undefined as well.
 */
export function histogramOf(samples: readonly PromSample[], name: string): CumulativeHistogram | undefined {
  const byBound = new Map<number, number>();
  let sum = 0;
  let found = false;
  for (const s of samples) {
    if (s.name === `${name}_bucket`) {
      const le = s.labels.le;
      const bound = le === '+Inf' ? Infinity : Number(le);
      if (le === undefined || Number.isNaN(bound)) continue;
      byBound.set(bound, (byBound.get(bound) ?? 0) + s.value);
      found = true;
    } else if (s.name === `${name}_sum`) {
      sum += s.value;
    }
  }
  if (!found) return undefined;
  const bounds = [...byBound.keys()].sort((a, b) => a - b);
  if (bounds[bounds.length - 1] !== Infinity) return undefined;
  return { bounds, counts: bounds.map((b) => byBound.get(b)!), sum };
}

/** Sum of the samples named `name` over every label set, or undefined when there is none. */
export function sumOf(samples: readonly PromSample[], name: string): number | undefined {
  let total: number | undefined;
  for (const s of samples) if (s.name === name) total = (total ?? 0) + s.value;
  return total;
}

/**
 * `later - earlier` bucket by bucket: the observations made between two scrapes of one
 * process. A count that went down means the process restarted (counters reset), and as in
 * Prometheus's `increase()` the later value is then the whole increase. Bounds must agree.
 */
export function histogramDelta(later: CumulativeHistogram, earlier: CumulativeHistogram | undefined): CumulativeHistogram {
  if (earlier === undefined || !sameBounds(later, earlier)) return later;
  const reset = later.counts[later.counts.length - 1]! < earlier.counts[earlier.counts.length - 1]!;
  if (reset) return later;
  return { bounds: later.bounds, counts: later.counts.map((c, i) => c - earlier.counts[i]!), sum: later.sum - earlier.sum };
}

/** Adds histograms with the same bounds (replicas of one deployment); others are skipped and counted. */
export function addHistograms(parts: readonly CumulativeHistogram[]): { total: CumulativeHistogram | undefined; skipped: number } {
  let total: CumulativeHistogram | undefined;
  let skipped = 0;
  for (const h of parts) {
    if (total === undefined) total = { bounds: [...h.bounds], counts: [...h.counts], sum: h.sum };
    else if (!sameBounds(total, h)) skipped++;
    else total = { bounds: total.bounds, counts: total.counts.map((c, i) => c + h.counts[i]!), sum: total.sum + h.sum };
  }
  return { total, skipped };
}

function sameBounds(a: CumulativeHistogram, b: CumulativeHistogram): boolean {
  return a.bounds.length === b.bounds.length && a.bounds.every((x, i) => x === b.bounds[i]);
}

/**
 * The q-quantile of a cumulative histogram as PromQL's `histogram_quantile` computes it: find
 * the bucket holding rank q x count and interpolate linearly between its lower and upper bound
 * (the lowest bucket's lower bound is 0); a rank in the +Inf bucket gives the highest finite
 * bound. Undefined when the histogram holds no observation.
 *
 * @example
 * histogramQuantile(0.99, { bounds: [0.1, 0.5, Infinity], counts: [50, 100, 100], sum: 20 }); // 0.492
 */
export function histogramQuantile(q: number, h: CumulativeHistogram): number | undefined {
  const total = h.counts[h.counts.length - 1] ?? 0;
  if (!(total > 0)) return undefined;
  const rank = q * total;
  let i = h.counts.findIndex((c) => c >= rank);
  if (i < 0) i = h.counts.length - 1;
  const upper = h.bounds[i]!;
  if (upper === Infinity) return h.bounds.length >= 2 ? h.bounds[h.bounds.length - 2] : undefined;
  const lower = i === 0 ? 0 : h.bounds[i - 1]!;
  const below = i === 0 ? 0 : h.counts[i - 1]!;
  const inBucket = h.counts[i]! - below;
  if (inBucket <= 0) return upper;
  return lower + (upper - lower) * ((rank - below) / inBucket);
}

/**
 * Fraction of the observations at or below `threshold`, interpolated inside its bucket the same
 * way (the SLO attainment of a latency target). Undefined when empty.
 */
export function fractionBelow(threshold: number, h: CumulativeHistogram): number | undefined {
  const total = h.counts[h.counts.length - 1] ?? 0;
  if (!(total > 0)) return undefined;
  const i = h.bounds.findIndex((b) => b >= threshold);
  if (i < 0) return 1;
  const lower = i === 0 ? 0 : h.bounds[i - 1]!;
  const below = i === 0 ? 0 : h.counts[i - 1]!;
  const upper = h.bounds[i]!;
  if (upper === Infinity) return below / total;
  const inside = ((h.counts[i]! - below) * (threshold - lower)) / (upper - lower);
  return (below + inside) / total;
}
