/**
 * Mean of a sampled signal over the last `windowNs`, each sample weighted equally (the way
 * Knative's autoscaler averages the metrics its pods report every second). Samples older than
 * the window are dropped as time advances; memory is bounded by the samples within one window.
 *
 * Invariant: samples are appended in non-decreasing time order.
 */
export class SlidingWindowMean {
  readonly #windowNs: number;
  #times: Float64Array;
  #values: Float64Array;
  #head = 0;
  #length = 0;
  #sum = 0;

  constructor(windowNs: number) {
    if (!(windowNs > 0) || !Number.isFinite(windowNs)) {
      throw new RangeError(`SlidingWindowMean: windowNs must be a positive finite number, got ${String(windowNs)}`);
    }
    this.#windowNs = windowNs;
    this.#times = new Float64Array(64);
    this.#values = new Float64Array(64);
  }

  get windowNs(): number {
    return this.#windowNs;
  }

  /** Adds a sample taken at `timeNs` (not before the previous one). */
  add(timeNs: number, value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`SlidingWindowMean.add: value must be finite, got ${String(value)}`);
    if (this.#length > 0) {
      const lastNs = this.#times[(this.#head + this.#length - 1) % this.#times.length]!;
      if (timeNs < lastNs) throw new RangeError(`SlidingWindowMean.add: time ${timeNs} ns is before the previous sample at ${lastNs} ns`);
    }
    if (this.#length === this.#times.length) this.#grow();
    const index = (this.#head + this.#length) % this.#times.length;
    this.#times[index] = timeNs;
    this.#values[index] = value;
    this.#length++;
    this.#sum += value;
    this.#expire(timeNs);
  }

  /** Mean of the samples in (nowNs - windowNs, nowNs]; undefined when there is none. */
  mean(nowNs: number): number | undefined {
    this.#expire(nowNs);
    return this.#length === 0 ? undefined : this.#sum / this.#length;
  }

  /** Time of the oldest sample still in the window, or undefined. */
  oldestNs(nowNs: number): number | undefined {
    this.#expire(nowNs);
    return this.#length === 0 ? undefined : this.#times[this.#head];
  }

  #expire(nowNs: number): void {
    const capacity = this.#times.length;
    while (this.#length > 0 && this.#times[this.#head]! <= nowNs - this.#windowNs) {
      this.#sum -= this.#values[this.#head]!;
      this.#head = (this.#head + 1) % capacity;
      this.#length--;
    }
    // Re-sum when the window empties so rounding error never accumulates across windows.
    if (this.#length === 0) this.#sum = 0;
  }

  #grow(): void {
    const capacity = this.#times.length;
    const times = new Float64Array(capacity * 2);
    const values = new Float64Array(capacity * 2);
    for (let i = 0; i < this.#length; i++) {
      times[i] = this.#times[(this.#head + i) % capacity]!;
      values[i] = this.#values[(this.#head + i) % capacity]!;
    }
    this.#times = times;
    this.#values = values;
    this.#head = 0;
  }
}
