import { NUM_CLASSES, type SwitchSpec } from './spec.js';

const ING_STRIDE = 4;
const ING_RESERVED = 0;
const ING_SHARED = 1;
const ING_HEADROOM = 2;
const ING_XOFF = 3;

/** Where an admitted packet's bytes were charged; pass it back to `release`. */
export const Charge = {
  DROP: -1,
  RESERVED: 0,
  SHARED: 1,
  HEADROOM: 2,
} as const;

/**
 * Storage one caller provides for the buffers of many switches, indexed by a global port
 * number: `ingress` holds 4 float64 per (port, class), `egressShared` 1 per (port, class) at
 * `(port * 8 + class) * egressStride + egressOffset` (default 1 and 0: a caller can keep it in
 * a record of its own per egress queue), and the switch's local port p is global port
 * `firstPort + p`. One typed array for all switches
 * keeps its header in cache, so a switch's state costs one miss on its data instead of misses
 * on a per-switch array object, its backing store pointer and then the data.
 */
export interface BufferStorage {
  ingress: Float64Array;
  egressShared: Float64Array;
  egressStride?: number;
  egressOffset?: number;
  firstPort: number;
}

/**
 * Shared-buffer memory management of one switch, allocation-free on the hot path.
 *
 * Each packet is accounted to its ingress (port, class) and its egress (port, class):
 * - up to `reservedPerPortClassBytes` per ingress (port, class) is guaranteed;
 * - beyond that, packets use the shared pool. A lossy class is admitted while its egress
 *   queue's shared usage stays below alpha x (free shared bytes), the dynamic threshold of
 *   Choudhury & Hahne; otherwise dropped;
 * - a lossless class with PFC is never dropped for the dynamic threshold: when its ingress
 *   (port, class) shared usage reaches the XOFF threshold (static `xoffBytes`, or the dynamic
 *   threshold when 0) the switch sends XOFF upstream, and packets still in flight land in the
 *   per-(port, class) PFC headroom; XON is sent once usage falls `xonOffsetBytes` below the
 *   threshold. A lossless packet is dropped only when its headroom overflows (a misconfigured
 *   headroom), which is counted separately.
 *
 * `onPfc(ingressPort, cls, pause)` is called when XOFF/XON must be sent to the upstream port.
 */
export class SharedBuffer {
  readonly sharedCapacity: number;
  readonly reserved: number;
  readonly headroom: number;
  readonly alpha: number;
  readonly lossless: Uint8Array;
  readonly pfcEnabled: Uint8Array;
  readonly xoffStatic: Float64Array;
  readonly xonOffset: Float64Array;

  /**
   * Per ingress (port * 8 + class), one 32-byte record at `i * 4`: reserved bytes used
   * (`ING_RESERVED`), shared bytes charged (`ING_SHARED`), headroom bytes used (`ING_HEADROOM`)
   * and 1 once XOFF was sent (`ING_XOFF`). One record rather than four arrays: admitting and
   * releasing a packet reads all four, one cache miss instead of four.
   */
  readonly #ingress: Float64Array;
  /** Per egress (port * 8 + class): shared bytes charged to the queue. */
  readonly #egressShared: Float64Array;
  /** Index of local (port 0, class 0) in `#ingress` (records) and `#egressShared`. */
  readonly #ingressBase: number;
  readonly #egressBase: number;
  readonly #egressStride: number;
  readonly #egressOffset: number;
  sharedUsed = 0;
  peakSharedUsed = 0;
  /** Lossless packets dropped because headroom overflowed. */
  headroomDrops = 0;

  onPfc: (ingressPort: number, cls: number, pause: boolean) => void = () => undefined;

  constructor(spec: SwitchSpec, ports: number, storage?: BufferStorage) {
    this.sharedCapacity = spec.buffer.sharedBytes;
    this.reserved = spec.buffer.reservedPerPortClassBytes;
    this.headroom = spec.buffer.pfcHeadroomPerPortClassBytes;
    this.alpha = spec.buffer.dynamicThresholdAlpha;
    this.lossless = new Uint8Array(NUM_CLASSES);
    this.pfcEnabled = new Uint8Array(NUM_CLASSES);
    this.xoffStatic = new Float64Array(NUM_CLASSES);
    this.xonOffset = new Float64Array(NUM_CLASSES);
    for (const c of spec.classes) {
      this.lossless[c.id] = c.lossless ? 1 : 0;
      this.pfcEnabled[c.id] = c.lossless && c.pfc.enabled ? 1 : 0;
      this.xoffStatic[c.id] = c.pfc.xoffBytes;
      this.xonOffset[c.id] = c.pfc.xonOffsetBytes;
    }
    const n = ports * NUM_CLASSES;
    this.#ingress = storage?.ingress ?? new Float64Array(n * ING_STRIDE);
    this.#egressShared = storage?.egressShared ?? new Float64Array(n);
    const first = storage?.firstPort ?? 0;
    this.#ingressBase = first * NUM_CLASSES * ING_STRIDE;
    this.#egressBase = first * NUM_CLASSES;
    this.#egressStride = storage?.egressStride ?? 1;
    this.#egressOffset = storage?.egressOffset ?? 0;
    if (this.#ingressBase + n * ING_STRIDE > this.#ingress.length || this.#egressIndex(ports - 1, NUM_CLASSES - 1) >= this.#egressShared.length) {
      throw new RangeError(`SharedBuffer: storage too small for ${ports} ports from port ${first}`);
    }
  }

  /** The dynamic threshold: alpha x free shared bytes. */
  dynamicThreshold(): number {
    return this.alpha * (this.sharedCapacity - this.sharedUsed);
  }

  #xoffThreshold(cls: number): number {
    const fixed = this.xoffStatic[cls]!;
    return fixed > 0 ? fixed : this.dynamicThreshold();
  }

  /** Admits `bytes` from `inPort` to `outPort` in class `cls`; returns a `Charge`. */
  admit(inPort: number, outPort: number, cls: number, bytes: number): number {
    const ing = this.#ingress;
    const r = this.#ingressBase + (inPort * NUM_CLASSES + cls) * ING_STRIDE;
    if (ing[r + ING_RESERVED]! + bytes <= this.reserved) {
      ing[r + ING_RESERVED]! += bytes;
      return Charge.RESERVED;
    }
    if (this.pfcEnabled[cls] === 1) {
      const sharedFits = this.sharedUsed + bytes <= this.sharedCapacity;
      if (ing[r + ING_XOFF] === 0 && sharedFits) {
        this.#chargeShared(r, this.#egressIndex(outPort, cls), bytes);
        if (ing[r + ING_SHARED]! >= this.#xoffThreshold(cls)) {
          ing[r + ING_XOFF] = 1;
          this.onPfc(inPort, cls, true);
        }
        return Charge.SHARED;
      }
      if (ing[r + ING_XOFF] === 0) {
        ing[r + ING_XOFF] = 1;
        this.onPfc(inPort, cls, true);
      }
      if (ing[r + ING_HEADROOM]! + bytes <= this.headroom) {
        ing[r + ING_HEADROOM]! += bytes;
        return Charge.HEADROOM;
      }
      this.headroomDrops++;
      return Charge.DROP;
    }
    const e = this.#egressIndex(outPort, cls);
    if (this.sharedUsed + bytes <= this.sharedCapacity && this.#egressShared[e]! + bytes <= this.dynamicThreshold()) {
      this.#chargeShared(r, e, bytes);
      return Charge.SHARED;
    }
    return Charge.DROP;
  }

  #egressIndex(outPort: number, cls: number): number {
    return (this.#egressBase + outPort * NUM_CLASSES + cls) * this.#egressStride + this.#egressOffset;
  }

  #chargeShared(r: number, e: number, bytes: number): void {
    this.#ingress[r + ING_SHARED]! += bytes;
    this.#egressShared[e]! += bytes;
    this.sharedUsed += bytes;
    if (this.sharedUsed > this.peakSharedUsed) this.peakSharedUsed = this.sharedUsed;
  }

  /** Returns a packet's bytes when it leaves the switch. */
  release(inPort: number, outPort: number, cls: number, bytes: number, charge: number): void {
    const ing = this.#ingress;
    const r = this.#ingressBase + (inPort * NUM_CLASSES + cls) * ING_STRIDE;
    if (charge === Charge.RESERVED) ing[r + ING_RESERVED]! -= bytes;
    else if (charge === Charge.HEADROOM) ing[r + ING_HEADROOM]! -= bytes;
    else if (charge === Charge.SHARED) {
      ing[r + ING_SHARED]! -= bytes;
      this.#egressShared[this.#egressIndex(outPort, cls)]! -= bytes;
      this.sharedUsed -= bytes;
    }
    if (ing[r + ING_XOFF] === 1) {
      const resumeAt = Math.max(0, this.#xoffThreshold(cls) - this.xonOffset[cls]!);
      if (ing[r + ING_SHARED]! + ing[r + ING_HEADROOM]! <= resumeAt) {
        ing[r + ING_XOFF] = 0;
        this.onPfc(inPort, cls, false);
      }
    }
  }
}
