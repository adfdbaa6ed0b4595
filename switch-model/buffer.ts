import { NUM_CLASSES, type SwitchSpec } from './spec.js';

/** Where an admitted packet's bytes were charged; pass it back to `release`. */
export const Charge = {
  DROP: -1,
  RESERVED: 0,
  SHARED: 1,
  HEADROOM: 2,
} as const;

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

  /** Per ingress (port * 8 + class). */
  readonly reservedUsed: Float64Array;
  readonly ingressShared: Float64Array;
  readonly headroomUsed: Float64Array;
  readonly xoffSent: Uint8Array;
  /** Per egress (port * 8 + class): shared bytes charged to the queue. */
  readonly egressShared: Float64Array;
  sharedUsed = 0;
  peakSharedUsed = 0;
  /** Lossless packets dropped because headroom overflowed. */
  headroomDrops = 0;

  onPfc: (ingressPort: number, cls: number, pause: boolean) => void = () => undefined;

  constructor(spec: SwitchSpec, ports: number) {
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
    this.reservedUsed = new Float64Array(n);
    this.ingressShared = new Float64Array(n);
    this.headroomUsed = new Float64Array(n);
    this.xoffSent = new Uint8Array(n);
    this.egressShared = new Float64Array(n);
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
    const i = inPort * NUM_CLASSES + cls;
    if (this.reservedUsed[i]! + bytes <= this.reserved) {
      this.reservedUsed[i]! += bytes;
      return Charge.RESERVED;
    }
    if (this.pfcEnabled[cls] === 1) {
      const sharedFits = this.sharedUsed + bytes <= this.sharedCapacity;
      if (this.xoffSent[i] === 0 && sharedFits) {
        this.#chargeShared(i, outPort * NUM_CLASSES + cls, bytes);
        if (this.ingressShared[i]! >= this.#xoffThreshold(cls)) {
          this.xoffSent[i] = 1;
          this.onPfc(inPort, cls, true);
        }
        return Charge.SHARED;
      }
      if (this.xoffSent[i] === 0) {
        this.xoffSent[i] = 1;
        this.onPfc(inPort, cls, true);
      }
      if (this.headroomUsed[i]! + bytes <= this.headroom) {
        this.headroomUsed[i]! += bytes;
        return Charge.HEADROOM;
      }
      this.headroomDrops++;
      return Charge.DROP;
    }
    const e = outPort * NUM_CLASSES + cls;
    if (this.sharedUsed + bytes <= this.sharedCapacity && this.egressShared[e]! + bytes <= this.dynamicThreshold()) {
      this.#chargeShared(i, e, bytes);
      return Charge.SHARED;
    }
    return Charge.DROP;
  }

  #chargeShared(i: number, e: number, bytes: number): void {
    this.ingressShared[i]! += bytes;
    this.egressShared[e]! += bytes;
    this.sharedUsed += bytes;
    if (this.sharedUsed > this.peakSharedUsed) this.peakSharedUsed = this.sharedUsed;
  }

  /** Returns a packet's bytes when it leaves the switch. */
  release(inPort: number, outPort: number, cls: number, bytes: number, charge: number): void {
    const i = inPort * NUM_CLASSES + cls;
    if (charge === Charge.RESERVED) this.reservedUsed[i]! -= bytes;
    else if (charge === Charge.HEADROOM) this.headroomUsed[i]! -= bytes;
    else if (charge === Charge.SHARED) {
      this.ingressShared[i]! -= bytes;
      this.egressShared[outPort * NUM_CLASSES + cls]! -= bytes;
      this.sharedUsed -= bytes;
    }
    if (this.xoffSent[i] === 1) {
      const resumeAt = Math.max(0, this.#xoffThreshold(cls) - this.xonOffset[cls]!);
      if (this.ingressShared[i]! + this.headroomUsed[i]! <= resumeAt) {
        this.xoffSent[i] = 0;
        this.onPfc(inPort, cls, false);
      }
    }
  }
}
