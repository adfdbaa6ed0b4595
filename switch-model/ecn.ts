import { NUM_CLASSES, type SwitchSpec } from './spec.js';

/**
 * RED-style ECN marking on the instantaneous egress queue depth of a class: probability 0
 * below Kmin, rising linearly to Pmax at Kmax, and 1 above Kmax (as DCQCN configures RED on
 * the switch, Zhu et al. SIGCOMM 2015, section 3).
 */
export class EcnMarker {
  readonly #enabled = new Uint8Array(NUM_CLASSES);
  readonly #kmin = new Float64Array(NUM_CLASSES);
  readonly #kmax = new Float64Array(NUM_CLASSES);
  readonly #pmax = new Float64Array(NUM_CLASSES);

  constructor(spec: SwitchSpec) {
    for (const c of spec.classes) {
      this.#enabled[c.id] = c.ecn.enabled ? 1 : 0;
      this.#kmin[c.id] = c.ecn.kminBytes;
      this.#kmax[c.id] = c.ecn.kmaxBytes;
      this.#pmax[c.id] = c.ecn.pmax;
    }
  }

  /** Marking probability for a packet of class `cls` joining a queue of `depthBytes`. */
  probability(cls: number, depthBytes: number): number {
    if (this.#enabled[cls] !== 1) return 0;
    const kmin = this.#kmin[cls]!;
    const kmax = this.#kmax[cls]!;
    if (depthBytes <= kmin) return 0;
    if (depthBytes > kmax) return 1;
    if (kmax === kmin) return 1;
    return (this.#pmax[cls]! * (depthBytes - kmin)) / (kmax - kmin);
  }

  /** Decides a mark with the uniform draw `u` in [0, 1). */
  shouldMark(cls: number, depthBytes: number, u: number): boolean {
    const p = this.probability(cls, depthBytes);
    return p > 0 && u < p;
  }
}
