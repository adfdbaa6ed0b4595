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
  readonly #strict: Int32Array;
  readonly #dwrr: Int32Array;
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
    this.#strict = Int32Array.from(strict.sort((a, b) => b - a));
    this.#dwrr = Int32Array.from(dwrr);
    this.#deficit = new Float64Array(ports * NUM_CLASSES);
    this.#cursor = new Int32Array(ports);
    this.#turnStarted = new Uint8Array(ports);
  }

  /** The class to send next on `port`, or -1 when nothing is eligible. */
  pick(port: number, headBytes: Float64Array, paused: Uint8Array): number {
    const base = port * NUM_CLASSES;
    const strict = this.#strict;
    for (let i = 0; i < strict.length; i++) {
      const cls = strict[i]!;
      if (headBytes[base + cls]! > 0 && paused[base + cls] === 0) return cls;
    }
    const dwrr = this.#dwrr;
    const n = dwrr.length;
    if (n === 0) return -1;
    let eligible = false;
    for (let i = 0; i < n; i++) {
      const cls = dwrr[i]!;
      if (headBytes[base + cls]! > 0 && paused[base + cls] === 0) {
        eligible = true;
        break;
      }
    }
    if (!eligible) return -1;
    // Round robin over classes: a class earns its quantum once when its turn starts and keeps
    // the turn while its deficit covers the head packet.
    for (;;) {
      const cursor = this.#cursor[port]!;
      const cls = this.#dwrr[cursor]!;
      const head = headBytes[base + cls]!;
      if (head > 0 && paused[base + cls] === 0) {
        if (this.#turnStarted[port] === 0) {
          this.#deficit[base + cls]! += this.#quantum[cls]!;
          this.#turnStarted[port] = 1;
        }
        if (this.#deficit[base + cls]! >= head) {
          this.#deficit[base + cls]! -= head;
          return cls;
        }
      } else if (head === 0) {
        this.#deficit[base + cls] = 0;
      }
      this.#turnStarted[port] = 0;
      this.#cursor[port] = (cursor + 1) % n;
    }
  }
}
