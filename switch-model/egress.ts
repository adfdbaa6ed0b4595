import { NUM_CLASSES, type SwitchSpec } from './spec.js';

/** Bytes a DWRR weight of 1 earns per round. */
export const DWRR_QUANTUM_BYTES = 4_096;

/**
 * Egress scheduling of the 8 classes of many ports: strict-priority classes first (higher id
 * first), then deficit-weighted round robin among the DWRR classes (Shreedhar & Varghese,
 * SIGCOMM 1995). Classes paused by a received PFC XOFF are skipped.
 *
 * The caller keeps `headBytes[port * 8 + cls]`: the size of the packet at the head of each
 * queue, 0 when empty. `pausedUntil`/paused flags live in `paused[port * 8 + cls]`.
 */
export class EgressScheduler {
  /** Bit c set for each strict-priority class c. */
  readonly #strictMask: number;
  readonly #dwrr: Int32Array;
  /** Bit c set for each DWRR class c. */
  readonly #dwrrMask: number;
  readonly #quantum = new Float64Array(NUM_CLASSES);
  readonly #deficit: Float64Array;
  readonly #cursor: Int32Array;
  readonly #turnStarted: Uint8Array;

  constructor(spec: Pick<SwitchSpec, 'classes'>, ports: number) {
    const strict: number[] = [];
    const dwrr: number[] = [];
    for (const c of spec.classes) {
      if (c.scheduling === 'STRICT_PRIORITY') strict.push(c.id);
      else dwrr.push(c.id);
      this.#quantum[c.id] = c.dwrrWeight * DWRR_QUANTUM_BYTES;
    }
    this.#strictMask = strict.reduce((mask, cls) => mask | (1 << cls), 0);
    this.#dwrr = Int32Array.from(dwrr);
    this.#dwrrMask = dwrr.reduce((mask, cls) => mask | (1 << cls), 0);
    this.#deficit = new Float64Array(ports * NUM_CLASSES);
    this.#cursor = new Int32Array(ports);
    this.#turnStarted = new Uint8Array(ports);
  }

  /** The class to send next on `port`, or -1 when nothing is eligible. */
  pick(port: number, headBytes: Float64Array, paused: Uint8Array): number {
    const base = port * NUM_CLASSES;
    let nonEmpty = 0;
    let pausedMask = 0;
    for (let cls = 0; cls < NUM_CLASSES; cls++) {
      if (headBytes[base + cls]! > 0) nonEmpty |= 1 << cls;
      if (paused[base + cls] !== 0) pausedMask |= 1 << cls;
    }
    return this.pickMasked(port, nonEmpty, pausedMask, headBytes);
  }

  /**
   * `pick` for a caller that keeps per-port class bitmasks: bit c of `nonEmpty` set iff class
   * c's queue holds a packet (`headBytes[port * 8 + c] > 0`), of `pausedMask` iff it is paused.
   * An idle port costs two byte reads instead of a scan of its 8 classes' queue and pause
   * state (most calls come from a port finishing a packet with nothing behind it).
   * A caller keeping per-queue records reads the head size at `(port * 8 + c) * headStride +
   * headOffset` instead.
   */
  pickMasked(port: number, nonEmpty: number, pausedMask: number, headBytes: Float64Array, headStride = 1, headOffset = 0): number {
    const ready = nonEmpty & ~pausedMask;
    if (ready === 0) return -1;
    // Strict classes go highest id first: the highest ready strict bit.
    const strictReady = ready & this.#strictMask;
    if (strictReady !== 0) return 31 - Math.clz32(strictReady);
    if ((ready & this.#dwrrMask) === 0) return -1;
    const base = port * NUM_CLASSES;
    const dwrr = this.#dwrr;
    const n = dwrr.length;
    // Round robin over classes: a class earns its quantum once when its turn starts and keeps
    // the turn while its deficit covers the head packet; an empty class passed loses its deficit.
    for (;;) {
      const cursor = this.#cursor[port]!;
      const cls = dwrr[cursor]!;
      if (((ready >> cls) & 1) === 1) {
        const head = headBytes[(base + cls) * headStride + headOffset]!;
        if (this.#turnStarted[port] === 0) {
          this.#deficit[base + cls]! += this.#quantum[cls]!;
          this.#turnStarted[port] = 1;
        }
        if (this.#deficit[base + cls]! >= head) {
          this.#deficit[base + cls]! -= head;
          return cls;
        }
      } else if (((nonEmpty >> cls) & 1) === 0) {
        this.#deficit[base + cls] = 0;
      }
      this.#turnStarted[port] = 0;
      this.#cursor[port] = (cursor + 1) % n;
    }
  }
}
