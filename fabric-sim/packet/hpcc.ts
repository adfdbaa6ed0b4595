import { type AckFeedback, type CcContext, type CongestionControl, MAX_INT_HOPS } from './cc.js';

/**
 * HPCC parameters. Defaults follow Li et al., "HPCC: High Precision Congestion Control",
 * SIGCOMM 2019: target utilisation eta = 95% and maxStage = 5 (section 3.3); the additive
 * step W_AI follows the paper's guideline W_AI = W_init (1 - eta) / N for N concurrent flows
 * per bottleneck, with N = 100 assumed here.
 */
export interface HpccParams {
  /** Target link utilisation eta. */
  targetUtilisation: number;
  /** Additive-increase rounds before a multiplicative adjustment (maxStage). */
  maxStage: number;
  /** N in W_AI = W_init (1 - eta) / N. */
  expectedFlows: number;
}

export const HPCC_DEFAULTS: HpccParams = { targetUtilisation: 0.95, maxStage: 5, expectedFlows: 100 };

/**
 * HPCC (Li et al. 2019, Algorithm 1): every acknowledgement carries each hop's INT record
 * (queue length, bytes transmitted, timestamp, line rate). The sender estimates each link's
 * normalized inflight bytes u = qlen / (B T) + txRate / B, takes the most loaded hop, smooths it
 * over one base RTT T, and sets its window W = Wc / (U / eta) + W_AI when U >= eta (or after
 * maxStage additive rounds), else W = Wc + W_AI. The reference window Wc moves once per
 * round trip; the pacing rate is W / T. Window and rate are written into the transport's
 * arrays, which enforce them.
 *
 * A hop's rate is measured against the previous record of the same link (the records carry
 * their egress port). A single-path flow compares each hop with the same hop of its previous
 * acknowledgement, as the paper does. A flow whose packets take several paths (spraying,
 * flowlets, adaptive routing) has acknowledgements whose hops are different links; from its
 * first such acknowledgement on it keeps the last record of every link it has seen and
 * compares each hop with that link's record, so a spine's counters are never differenced
 * against another spine's. A hop with no earlier record of its link is left out, and an
 * acknowledgement with no measurable hop leaves the estimate as it was.
 */
export class Hpcc implements CongestionControl {
  readonly name = 'hpcc';
  readonly usesEcn = false;
  readonly usesInt = true;
  readonly params: HpccParams;
  #ctx: CcContext | undefined;
  #windowRef = new Float64Array(0);
  #utilisation = new Float64Array(0);
  #stage = new Int32Array(0);
  #lastUpdatePsn = new Int32Array(0);
  #additiveBytes = new Float64Array(0);
  #prevHops = new Int32Array(0);
  #prevQueue = new Float64Array(0);
  #prevTx = new Float64Array(0);
  #prevTime = new Float64Array(0);
  #prevPort = new Int32Array(0);
  /** Per flow: 1 once its acknowledgements came over more than one path. */
  #multiPath = new Uint8Array(0);
  /** Multi-path flows only: per flow, the last (queue, tx, time) record of each link it crossed, by port. */
  readonly #linkRecords = new Map<number, Map<number, Float64Array>>();

  constructor(params: Partial<HpccParams> = {}) {
    this.params = { ...HPCC_DEFAULTS, ...params };
    const p = this.params;
    if (!(p.targetUtilisation > 0 && p.targetUtilisation <= 1)) {
      throw new RangeError(`Hpcc: targetUtilisation must be in (0, 1], got ${String(p.targetUtilisation)}`);
    }
    if (!Number.isInteger(p.maxStage) || p.maxStage < 0) throw new RangeError(`Hpcc: maxStage must be an integer >= 0, got ${String(p.maxStage)}`);
    if (!(p.expectedFlows >= 1)) throw new RangeError(`Hpcc: expectedFlows must be >= 1, got ${String(p.expectedFlows)}`);
  }

  attach(context: CcContext): void {
    this.#ctx = context;
    const n = context.rate.length;
    this.#windowRef = new Float64Array(n);
    this.#utilisation = new Float64Array(n);
    this.#stage = new Int32Array(n);
    this.#lastUpdatePsn = new Int32Array(n);
    this.#additiveBytes = new Float64Array(n);
    this.#prevHops = new Int32Array(n);
    this.#prevQueue = new Float64Array(n * MAX_INT_HOPS);
    this.#prevTx = new Float64Array(n * MAX_INT_HOPS);
    this.#prevTime = new Float64Array(n * MAX_INT_HOPS);
    this.#prevPort = new Int32Array(n * MAX_INT_HOPS);
    this.#multiPath = new Uint8Array(n);
    this.#linkRecords.clear();
  }

  onFlowStart(flow: number): void {
    const ctx = this.#ctx!;
    const line = ctx.lineRate[flow]!;
    // W_init is the bandwidth-delay product at line rate.
    const initial = line * ctx.baseRttNs[flow]!;
    ctx.rate[flow] = line;
    ctx.windowBytes[flow] = initial;
    this.#windowRef[flow] = initial;
    this.#utilisation[flow] = 1;
    this.#stage[flow] = 0;
    this.#lastUpdatePsn[flow] = 0;
    this.#additiveBytes[flow] = (initial * (1 - this.params.targetUtilisation)) / this.params.expectedFlows;
    this.#prevHops[flow] = 0;
    this.#multiPath[flow] = 0;
  }

  onCnp(): void {
    /* HPCC reads INT, not ECN */
  }

  onSent(): void {
    /* window and rate change on acknowledgements only */
  }

  onFlowEnd(flow: number): void {
    this.#linkRecords.delete(flow);
  }

  onAck(flow: number, ack: AckFeedback): void {
    const ctx = this.#ctx!;
    const hops = ack.hops;
    const prev = flow * MAX_INT_HOPS;
    if (hops === 0) return;
    if (this.#prevHops[flow] === hops || (this.#multiPath[flow] === 1 && this.#prevHops[flow] !== 0)) {
      const u = this.#measure(flow, ack);
      const updateReference = ack.cumulativePsn > this.#lastUpdatePsn[flow]!;
      if (updateReference) this.#lastUpdatePsn[flow] = ack.nextPsn;
      const window = this.#computeWindow(flow, u, updateReference);
      const line = ctx.lineRate[flow]!;
      ctx.windowBytes[flow] = window;
      ctx.rate[flow] = Math.min(line, window / ctx.baseRttNs[flow]!);
    }
    // Remember this acknowledgement's records for the next rate measurement.
    this.#prevHops[flow] = hops;
    const multiPath = this.#multiPath[flow] === 1;
    for (let h = 0; h < hops; h++) {
      const i = ack.base + h;
      this.#prevQueue[prev + h] = ack.queueBytes[i]!;
      this.#prevTx[prev + h] = ack.txBytes[i]!;
      this.#prevTime[prev + h] = ack.timeNs[i]!;
      this.#prevPort[prev + h] = ack.port[i]!;
      if (multiPath) this.#rememberLink(flow, ack.port[i]!, ack.queueBytes[i]!, ack.txBytes[i]!, ack.timeNs[i]!);
    }
  }

  /** Keeps the newest record of a link for a multi-path flow (acknowledgements over different paths can arrive out of stamp order). */
  #rememberLink(flow: number, port: number, queueBytes: number, txBytes: number, timeNs: number): void {
    let records = this.#linkRecords.get(flow);
    if (records === undefined) {
      records = new Map();
      this.#linkRecords.set(flow, records);
    }
    let record = records.get(port);
    if (record === undefined) {
      record = new Float64Array(3);
      record[2] = -Infinity;
      records.set(port, record);
    }
    if (timeNs <= record[2]!) return;
    record[0] = queueBytes;
    record[1] = txBytes;
    record[2] = timeNs;
  }

  /** MeasureInflight: the smoothed normalized inflight of the most loaded hop. */
  #measure(flow: number, ack: AckFeedback): number {
    const T = this.#ctx!.baseRttNs[flow]!;
    const prev = flow * MAX_INT_HOPS;
    const prevHops = this.#prevHops[flow]!;
    let u = 0;
    let tau = T;
    let measured = false;
    for (let h = 0; h < ack.hops; h++) {
      const i = ack.base + h;
      const port = ack.port[i]!;
      let prevQueue: number;
      let prevTx: number;
      let prevTime: number;
      if (h < prevHops && this.#prevPort[prev + h] === port) {
        prevQueue = this.#prevQueue[prev + h]!;
        prevTx = this.#prevTx[prev + h]!;
        prevTime = this.#prevTime[prev + h]!;
      } else {
        // Another path than the previous acknowledgement's: from now on this flow keeps per-link records.
        if (this.#multiPath[flow] === 0) this.#becomeMultiPath(flow);
        const record = this.#linkRecords.get(flow)?.get(port);
        if (record === undefined) continue;
        prevQueue = record[0]!;
        prevTx = record[1]!;
        prevTime = record[2]!;
      }
      const dt = ack.timeNs[i]! - prevTime;
      if (!(dt > 0)) continue;
      measured = true;
      const rate = ack.rateBytesPerNs[i]!;
      const txRate = (ack.txBytes[i]! - prevTx) / dt;
      const queue = Math.min(ack.queueBytes[i]!, prevQueue);
      const hopU = queue / (rate * T) + txRate / rate;
      if (hopU > u) {
        u = hopU;
        tau = dt;
      }
    }
    if (!measured) return this.#utilisation[flow]!;
    tau = Math.min(tau, T);
    const smoothed = (1 - tau / T) * this.#utilisation[flow]! + (tau / T) * u;
    this.#utilisation[flow] = smoothed;
    return smoothed;
  }

  /** Marks a flow multi-path and seeds its per-link records with its previous acknowledgement's. */
  #becomeMultiPath(flow: number): void {
    this.#multiPath[flow] = 1;
    const prev = flow * MAX_INT_HOPS;
    for (let h = 0; h < this.#prevHops[flow]!; h++) {
      this.#rememberLink(flow, this.#prevPort[prev + h]!, this.#prevQueue[prev + h]!, this.#prevTx[prev + h]!, this.#prevTime[prev + h]!);
    }
  }

  /** ComputeWind: multiplicative toward eta, or additive for up to maxStage rounds. */
  #computeWindow(flow: number, u: number, updateReference: boolean): number {
    const eta = this.params.targetUtilisation;
    const ref = this.#windowRef[flow]!;
    const ai = this.#additiveBytes[flow]!;
    const line = this.#ctx!.lineRate[flow]! * this.#ctx!.baseRttNs[flow]!;
    let window: number;
    if (u >= eta || this.#stage[flow]! >= this.params.maxStage) {
      window = ref / (u / eta) + ai;
      if (updateReference) this.#stage[flow] = 0;
    } else {
      window = ref + ai;
      if (updateReference) this.#stage[flow]! += 1;
    }
    // Never above the line-rate BDP, never below one additive step.
    window = Math.max(ai, Math.min(window, line));
    if (updateReference) this.#windowRef[flow] = window;
    return window;
  }
}
