/**
 * A fixed-size histogram of non-negative values with buckets 2^(i/8) wide (about 9% relative
 * resolution), for queue-depth percentiles without storing samples. Recording allocates nothing.
 */
export class LogHistogram {
  static readonly BUCKETS = 8 * 48;
  readonly #counts = new Float64Array(LogHistogram.BUCKETS + 1);
  #total = 0;
  #max = 0;

  record(value: number): void {
    const bucket = value < 1 ? 0 : Math.min(LogHistogram.BUCKETS, 1 + Math.floor(Math.log2(value) * 8));
    this.#counts[bucket]! += 1;
    this.#total++;
    if (value > this.#max) this.#max = value;
  }

  get count(): number {
    return this.#total;
  }

  get max(): number {
    return this.#max;
  }

  /** The upper edge of the bucket holding quantile `q` (0..1), capped at the maximum seen. */
  quantile(q: number): number {
    if (this.#total === 0) return 0;
    const rank = q * this.#total;
    let seen = 0;
    for (let b = 0; b <= LogHistogram.BUCKETS; b++) {
      seen += this.#counts[b]!;
      if (seen >= rank && seen > 0) return b === 0 ? 0 : Math.min(this.#max, 2 ** (b / 8));
    }
    return this.#max;
  }
}
