/**
 * Selective-repeat loss recovery for flows whose packets may take several paths (per-packet
 * spraying, flowlets, adaptive routing), in the manner of IRN (Mittal et al., "Revisiting
 * Network Support for RDMA", SIGCOMM 2018) and Ultra Ethernet's reorder-tolerant transport:
 *
 * - the receiver keeps a per-PSN bitmap, accepts packets in any order, and acknowledges every
 *   arrival with its cumulative PSN plus the PSN that arrived (a selective acknowledgement);
 * - the sender keeps a per-PSN state, declares a packet lost only once a packet at least
 *   `reorderThresholdPackets` PSNs beyond it has been acknowledged (SACK-based loss detection
 *   with a duplicate threshold, RFC 6675 "IsLost"), so reordering across paths does not
 *   trigger retransmissions, and resends only the lost packets before new ones;
 * - a timeout marks everything outstanding lost (a retransmission that is lost again is
 *   recovered this way).
 *
 * State is per packet of the flows that use it, in two byte arrays sliced by flow at
 * construction, so nothing is allocated per packet.
 */
export class SelectiveRepeat {
  /** Sender-side packet states. */
  static readonly UNSENT_OR_OUTSTANDING = 0;
  static readonly ACKED = 1;
  static readonly LOST = 2;
  static readonly RESENT = 3;

  readonly reorderThresholdPackets: number;
  readonly #packets: Int32Array;
  readonly #base: Float64Array;
  /** Receiver: 1 when the PSN has arrived. */
  readonly #received: Uint8Array;
  /** Sender: one of the states above per PSN. */
  readonly #state: Uint8Array;
  readonly #expected: Int32Array;
  readonly #una: Int32Array;
  readonly #nextNew: Int32Array;
  readonly #highestAcked: Int32Array;
  readonly #lossScan: Int32Array;
  readonly #resendScan: Int32Array;
  readonly #lostPending: Int32Array;

  /**
   * @param packetsPerFlow packets of each flow
   * @param uses 1 for the flows that recover with selective repeat; others get no state
   * @param reorderThresholdPackets PSNs a later acknowledgement must lead a hole by before the hole counts as lost (>= 1)
   */
  constructor(packetsPerFlow: Int32Array, uses: Uint8Array, reorderThresholdPackets: number) {
    if (!Number.isInteger(reorderThresholdPackets) || reorderThresholdPackets < 1) {
      throw new RangeError(`SelectiveRepeat: reorderThresholdPackets must be an integer >= 1, got ${String(reorderThresholdPackets)}`);
    }
    if (uses.length !== packetsPerFlow.length) {
      throw new RangeError(`SelectiveRepeat: ${uses.length} flags for ${packetsPerFlow.length} flows`);
    }
    this.reorderThresholdPackets = reorderThresholdPackets;
    const n = packetsPerFlow.length;
    this.#packets = packetsPerFlow;
    this.#base = new Float64Array(n).fill(-1);
    let total = 0;
    for (let f = 0; f < n; f++) {
      if (uses[f] !== 1) continue;
      this.#base[f] = total;
      total += packetsPerFlow[f]!;
    }
    this.#received = new Uint8Array(total);
    this.#state = new Uint8Array(total);
    this.#expected = new Int32Array(n);
    this.#una = new Int32Array(n);
    this.#nextNew = new Int32Array(n);
    this.#highestAcked = new Int32Array(n).fill(-1);
    this.#lossScan = new Int32Array(n);
    this.#resendScan = new Int32Array(n);
    this.#lostPending = new Int32Array(n);
  }

  /** Whether `flow` recovers with selective repeat. */
  uses(flow: number): boolean {
    return this.#base[flow]! >= 0;
  }

  // ------------------------------------------------------------------ receiver

  /**
   * Records the arrival of `psn`; true when it is new (to be delivered), false for a
   * duplicate. The cumulative PSN (`expected`) skips over packets that arrived earlier.
   */
  receive(flow: number, psn: number): boolean {
    const base = this.#base[flow]!;
    if (psn < this.#expected[flow]! || this.#received[base + psn] === 1) return false;
    this.#received[base + psn] = 1;
    let expected = this.#expected[flow]!;
    const packets = this.#packets[flow]!;
    while (expected < packets && this.#received[base + expected] === 1) expected++;
    this.#expected[flow] = expected;
    return true;
  }

  /** The receiver's cumulative PSN: every packet below it has arrived. */
  expected(flow: number): number {
    return this.#expected[flow]!;
  }

  // ------------------------------------------------------------------ sender

  /** The lowest PSN not yet acknowledged (the flow is done when it equals its packet count). */
  una(flow: number): number {
    return this.#una[flow]!;
  }

  /** Whether packets are sent and not yet acknowledged. */
  hasOutstanding(flow: number): boolean {
    return this.#una[flow]! < this.#nextNew[flow]!;
  }

  /**
   * An acknowledgement: every PSN below `cumulative` arrived, and so did `acked` (-1 for
   * none). Advances `una` and marks as lost the holes that `acked` leads by the threshold.
   */
  onAck(flow: number, cumulative: number, acked: number): void {
    const base = this.#base[flow]!;
    const state = this.#state;
    for (let psn = this.#una[flow]!; psn < cumulative; psn++) this.#markAcked(flow, base + psn);
    if (acked >= 0 && acked < this.#packets[flow]!) {
      this.#markAcked(flow, base + acked);
      if (acked > this.#highestAcked[flow]!) this.#highestAcked[flow] = acked;
    }
    let una = this.#una[flow]!;
    const packets = this.#packets[flow]!;
    while (una < packets && state[base + una] === SelectiveRepeat.ACKED) una++;
    this.#una[flow] = una;
    let scan = Math.max(this.#lossScan[flow]!, una);
    const lostBelow = Math.min(this.#nextNew[flow]!, this.#highestAcked[flow]! - this.reorderThresholdPackets + 1);
    for (; scan < lostBelow; scan++) {
      if (state[base + scan] === SelectiveRepeat.UNSENT_OR_OUTSTANDING) {
        state[base + scan] = SelectiveRepeat.LOST;
        this.#lostPending[flow]! += 1;
      }
    }
    this.#lossScan[flow] = scan;
  }

  #markAcked(flow: number, slot: number): void {
    if (this.#state[slot] === SelectiveRepeat.LOST) this.#lostPending[flow]! -= 1;
    this.#state[slot] = SelectiveRepeat.ACKED;
  }

  /**
   * The PSN to send next, or -1: lost packets first (in PSN order), then the next new packet
   * while fewer than `windowPackets` are unacknowledged.
   */
  nextToSend(flow: number, windowPackets: number): number {
    const base = this.#base[flow]!;
    if (this.#lostPending[flow]! > 0) {
      let psn = Math.max(this.#resendScan[flow]!, this.#una[flow]!);
      const end = this.#nextNew[flow]!;
      while (psn < end && this.#state[base + psn] !== SelectiveRepeat.LOST) psn++;
      this.#resendScan[flow] = psn;
      if (psn < end) return psn;
    }
    const next = this.#nextNew[flow]!;
    if (next < this.#packets[flow]! && next - this.#una[flow]! < windowPackets) return next;
    return -1;
  }

  /** Records that `psn` (from `nextToSend`) went out. */
  markSent(flow: number, psn: number): void {
    const slot = this.#base[flow]! + psn;
    if (this.#state[slot] === SelectiveRepeat.LOST) {
      this.#state[slot] = SelectiveRepeat.RESENT;
      this.#lostPending[flow]! -= 1;
      this.#resendScan[flow] = psn + 1;
    } else if (psn === this.#nextNew[flow]) this.#nextNew[flow] = psn + 1;
  }

  /** A retransmission timeout: every outstanding packet is presumed lost. */
  onTimeout(flow: number): void {
    const base = this.#base[flow]!;
    const end = this.#nextNew[flow]!;
    for (let psn = this.#una[flow]!; psn < end; psn++) {
      const s = this.#state[base + psn]!;
      if (s === SelectiveRepeat.UNSENT_OR_OUTSTANDING || s === SelectiveRepeat.RESENT) {
        this.#state[base + psn] = SelectiveRepeat.LOST;
        this.#lostPending[flow]! += 1;
      }
    }
    this.#resendScan[flow] = this.#una[flow]!;
    this.#lossScan[flow] = Math.max(this.#lossScan[flow]!, end);
  }
}
