/**
 * Utilisation of each link over a recent window of simulated time, from the network's cumulative
 * transmitted-bytes counters sampled after every slice: (bytes now - bytes then) / (rate x span),
 * where "then" is the newest sample at least `windowNs` old (or the oldest kept). The span is
 * therefore at least `windowNs` once that much time has passed, and at least one slice.
 */
export class LinkWindow {
  readonly windowNs: number;
  readonly #samples: { timeNs: number; txBytes: Float64Array }[] = [];

  constructor(windowNs: number) {
    if (!(windowNs > 0)) throw new RangeError(`LinkWindow: windowNs must be > 0, got ${String(windowNs)}`);
    this.windowNs = windowNs;
  }

  /** Records the cumulative counters at `timeNs` (not before the previous sample). */
  sample(timeNs: number, txBytes: ArrayLike<number>): void {
    const last = this.#samples.at(-1);
    if (last !== undefined && timeNs < last.timeNs) throw new RangeError(`LinkWindow: sample at ${timeNs} ns is before ${last.timeNs} ns`);
    // Recycle the buffer of a sample that is about to drop out.
    const drop = this.#samples.length >= 2 && this.#samples[1]!.timeNs <= timeNs - this.windowNs ? this.#samples.shift() : undefined;
    const buffer = drop !== undefined && drop.txBytes.length === txBytes.length ? drop.txBytes : new Float64Array(txBytes.length);
    for (let i = 0; i < txBytes.length; i++) buffer[i] = txBytes[i]!;
    this.#samples.push({ timeNs, txBytes: buffer });
    while (this.#samples.length >= 2 && this.#samples[1]!.timeNs <= timeNs - this.windowNs) this.#samples.shift();
  }

  /** Simulated time the current figures cover, ns (0 before two samples). */
  get spanNs(): number {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    return first === undefined || last === undefined ? 0 : last.timeNs - first.timeNs;
  }

  /** Bytes `port` transmitted over the span. */
  bytes(port: number): number {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (first === undefined || last === undefined) return 0;
    return last.txBytes[port]! - first.txBytes[port]!;
  }

  /** Busy fraction of a port transmitting at `rateBytesPerNs`, 0..1 (0 before two samples). */
  utilisation(port: number, rateBytesPerNs: number): number {
    const span = this.spanNs;
    if (span <= 0 || rateBytesPerNs <= 0) return 0;
    return Math.min(1, this.bytes(port) / (rateBytesPerNs * span));
  }
}
