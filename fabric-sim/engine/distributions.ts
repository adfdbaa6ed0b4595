import type { RandomStream } from './random.js';

/**
 * Zipf distribution over ranks 1..n with exponent s: P(k) proportional to k^-s. Sampling is
 * inverse transform over a precomputed cumulative table (O(n) memory once, O(log n) per draw),
 * exact for any s >= 0.
 *
 * @example
 * const popularity = new ZipfDistribution(1000, 1.1);
 * const rank = popularity.sample(stream); // 1 is the most popular
 */
export class ZipfDistribution {
  readonly n: number;
  readonly exponent: number;
  readonly #cumulative: Float64Array;

  constructor(n: number, exponent: number) {
    if (!Number.isInteger(n) || n < 1 || n > 1e7) {
      throw new RangeError(`ZipfDistribution n must be an integer in [1, 1e7], got ${String(n)}`);
    }
    if (!(exponent >= 0) || !Number.isFinite(exponent)) {
      throw new RangeError(`ZipfDistribution exponent must be a finite number >= 0, got ${String(exponent)}`);
    }
    this.n = n;
    this.exponent = exponent;
    this.#cumulative = new Float64Array(n);
    let total = 0;
    for (let k = 1; k <= n; k++) {
      total += Math.pow(k, -exponent);
      this.#cumulative[k - 1] = total;
    }
    for (let i = 0; i < n; i++) this.#cumulative[i] = this.#cumulative[i]! / total;
    this.#cumulative[n - 1] = 1;
  }

  /** Probability of rank k. */
  probability(k: number): number {
    if (!Number.isInteger(k) || k < 1 || k > this.n) return 0;
    return this.#cumulative[k - 1]! - (k === 1 ? 0 : this.#cumulative[k - 2]!);
  }

  /** A rank in 1..n. */
  sample(stream: RandomStream): number {
    const u = stream.uniform();
    const table = this.#cumulative;
    let low = 0;
    let high = table.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (table[mid]! > u) high = mid;
      else low = mid + 1;
    }
    return low + 1;
  }
}

/**
 * An empirical distribution given by points of its cumulative distribution function, sampled
 * by inverse transform with linear interpolation between points (the usual way to replay a
 * measured size or duration distribution, as in ns-3 and htsim flow-size files).
 *
 * @example
 * // 50% of flows are <= 10 KB, 95% <= 1 MB, all <= 100 MB
 * const sizes = new EmpiricalCdf([[0, 0], [10e3, 0.5], [1e6, 0.95], [100e6, 1]]);
 * const bytes = sizes.sample(stream);
 */
export class EmpiricalCdf {
  readonly #values: Float64Array;
  readonly #probabilities: Float64Array;

  /**
   * @param points [value, cumulative probability] pairs, values non-decreasing, probabilities
   *   non-decreasing in [0, 1], the last probability exactly 1.
   */
  constructor(points: readonly (readonly [number, number])[]) {
    if (points.length < 1) throw new RangeError('EmpiricalCdf needs at least one point, got none');
    this.#values = new Float64Array(points.length);
    this.#probabilities = new Float64Array(points.length);
    let previousValue = -Infinity;
    let previousProbability = 0;
    points.forEach(([value, probability], i) => {
      if (!Number.isFinite(value) || value < previousValue) {
        throw new RangeError(`EmpiricalCdf point ${i}: value ${String(value)} must be finite and >= the previous value`);
      }
      if (!(probability >= previousProbability && probability <= 1)) {
        throw new RangeError(
          `EmpiricalCdf point ${i}: probability ${String(probability)} must be in [${previousProbability}, 1]`,
        );
      }
      this.#values[i] = value;
      this.#probabilities[i] = probability;
      previousValue = value;
      previousProbability = probability;
    });
    if (previousProbability !== 1) {
      throw new RangeError(`EmpiricalCdf: the last probability must be 1, got ${previousProbability}`);
    }
  }

  /** Mean of the interpolated distribution (piecewise uniform between points). */
  get mean(): number {
    let mean = this.#probabilities[0]! * this.#values[0]!;
    for (let i = 1; i < this.#values.length; i++) {
      const mass = this.#probabilities[i]! - this.#probabilities[i - 1]!;
      mean += (mass * (this.#values[i]! + this.#values[i - 1]!)) / 2;
    }
    return mean;
  }

  /** Value at cumulative probability u in [0, 1]. */
  quantile(u: number): number {
    const probabilities = this.#probabilities;
    let low = 0;
    let high = probabilities.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (probabilities[mid]! >= u) high = mid;
      else low = mid + 1;
    }
    if (low === 0) return this.#values[0]!;
    const p0 = probabilities[low - 1]!;
    const p1 = probabilities[low]!;
    const v0 = this.#values[low - 1]!;
    const v1 = this.#values[low]!;
    return p1 === p0 ? v1 : v0 + ((u - p0) / (p1 - p0)) * (v1 - v0);
  }

  sample(stream: RandomStream): number {
    return this.quantile(stream.uniform());
  }
}
