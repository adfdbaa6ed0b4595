import type { Engine } from '../engine/engine.js';

/**
 * The congestion-control interface of the RoCEv2-style transport. The transport owns the
 * per-flow sending rate array (bytes/ns) and paces each flow at it; a congestion controller
 * reacts to transport events and writes new rates. Later algorithms (HPCC, Swift, ...) plug in
 * here. Everything is per flow index, allocation-free per packet.
 */
export interface CongestionControl {
  readonly name: string;
  /** Whether data packets are sent ECN-capable (ECT) so switches mark them. */
  readonly usesEcn: boolean;
  /** Called once with the engine, the rate array to write (bytes/ns) and line rates. */
  attach(context: CcContext): void;
  onFlowStart(flow: number): void;
  /** A CNP arrived for `flow` (the receiver saw a CE mark). */
  onCnp(flow: number): void;
  /** `bytes` (wire) of `flow` were sent. */
  onSent(flow: number, bytes: number): void;
  onFlowEnd(flow: number): void;
  /** Whether switches must stamp in-band telemetry (per-hop queue, bytes sent, time, rate) into data packets. */
  readonly usesInt?: boolean;
  /** An acknowledgement of `flow` arrived; `ack` is reused between calls (read it, do not keep it). */
  onAck?(flow: number, ack: AckFeedback): void;
}

/** Most switch hops a packet records INT for (a three-tier fat tree crosses 5). */
export const MAX_INT_HOPS = 8;

/**
 * What an acknowledgement tells the sender: its cumulative PSN, and the INT records the
 * acknowledged data packet collected, one per switch egress it left, in path order. Record
 * `h` (0 <= h < hops) of each array is at index `base + h`.
 */
export interface AckFeedback {
  cumulativePsn: number;
  /** The next new PSN the sender will send (snd_nxt), for once-per-round-trip updates. */
  nextPsn: number;
  hops: number;
  base: number;
  /** Egress queue bytes when the packet left the hop. */
  queueBytes: Float64Array;
  /** Cumulative bytes the hop's egress port had transmitted. */
  txBytes: Float64Array;
  /** Time the packet left the hop. */
  timeNs: Float64Array;
  /** The hop's egress line rate in bytes/ns. */
  rateBytesPerNs: Float64Array;
  /**
   * The hop's egress port (global port index): which link a record describes, so a controller
   * comparing two acknowledgements' records compares the same link even when a flow's packets
   * take several paths (spraying, flowlets, adaptive routing).
   */
  port: Int32Array;
}

export interface CcContext {
  engine: Engine;
  /** Current rate of each flow in bytes/ns; the transport reads it for pacing. */
  rate: Float64Array;
  /** Line rate of each flow's NIC in bytes/ns. */
  lineRate: Float64Array;
  /** Bytes each flow may have unacknowledged (Infinity: no window, rate only); the transport enforces it. */
  windowBytes: Float64Array;
  /** Each flow's base round-trip time: propagation, switch latency and one data plus one ACK serialization. */
  baseRttNs: Float64Array;
}

/** No congestion control: every flow sends at line rate (PFC alone prevents loss). */
export class NoCongestionControl implements CongestionControl {
  readonly name = 'none';
  readonly usesEcn = false;
  #context: CcContext | undefined;
  attach(context: CcContext): void {
    this.#context = context;
  }
  onFlowStart(flow: number): void {
    const context = this.#context!;
    context.rate[flow] = context.lineRate[flow]!;
  }
  onCnp(): void {
    /* ignores congestion notifications */
  }
  onSent(): void {
    /* no state */
  }
  onFlowEnd(): void {
    /* no state */
  }
}

/**
 * DCQCN parameters. Defaults are the values of Zhu et al., "Congestion Control for Large-Scale
 * RDMA Deployments", SIGCOMM 2015 (section 5 / parameter table), except where noted.
 */
export interface DcqcnParams {
  /** Alpha gain g (paper: 1/256). */
  g: number;
  /** Alpha update period K without CNPs (paper: 55 us). */
  alphaUpdatePeriodNs: number;
  /** Rate-increase timer T (paper: 55 us). */
  rateIncreaseTimerNs: number;
  /** Byte counter B (paper: 10 MB). */
  byteCounterBytes: number;
  /** Fast-recovery steps F (paper: 5). */
  fastRecoverySteps: number;
  /** Additive increase step R_AI (paper: 40 Mb/s). */
  additiveIncreaseGbps: number;
  /** Hyper increase step R_HAI (not in the paper's table; 10 x R_AI assumed). */
  hyperIncreaseGbps: number;
  /** Largest multiplicative decrease per CNP (NVIDIA rpg_min_dec_fac default 50%). */
  maxDecreaseFraction: number;
  /** Lowest rate (NVIDIA rpg_min_rate default 1 Mb/s). */
  minRateGbps: number;
  /** Alpha on the first CNP (NVIDIA initial_alpha_value default 1023/1024). */
  initialAlpha: number;
}

/** Zhu et al. SIGCOMM 2015 with NVIDIA ConnectX defaults (DOCA "DCQCN CC Parameters") for the limits. */
export const DCQCN_DEFAULTS: DcqcnParams = {
  g: 1 / 256,
  alphaUpdatePeriodNs: 55_000,
  rateIncreaseTimerNs: 55_000,
  byteCounterBytes: 10_000_000,
  fastRecoverySteps: 5,
  additiveIncreaseGbps: 0.04,
  hyperIncreaseGbps: 0.4,
  maxDecreaseFraction: 0.5,
  minRateGbps: 0.001,
  initialAlpha: 1023 / 1024,
};

/** The receiver (notification point) sends at most one CNP per flow per this interval (paper: N = 50 us). */
export const DCQCN_CNP_INTERVAL_NS = 50_000;

/**
 * DCQCN reaction point (Zhu et al. 2015, Algorithm 1 / figure 6): a CNP cuts the current rate
 * by alpha/2 and remembers the target; the alpha estimate decays every K without CNPs; the
 * rate recovers in fast-recovery, additive and hyper-increase stages driven by a timer T and a
 * byte counter B. A flow's limiter is released when it is back at line rate.
 */
export class Dcqcn implements CongestionControl {
  readonly name = 'dcqcn';
  readonly usesEcn = true;
  readonly params: DcqcnParams;
  #ctx: CcContext | undefined;
  #target = new Float64Array(0);
  #alpha = new Float64Array(0);
  #timerCount = new Int32Array(0);
  #byteCount = new Int32Array(0);
  #bytes = new Float64Array(0);
  #cnpSinceAlpha = new Uint8Array(0);
  #limited = new Uint8Array(0);
  #alphaHandle = new Float64Array(0);
  #rateHandle = new Float64Array(0);
  #alphaKind = 0;
  #rateKind = 0;
  cnpsReceived = 0;

  constructor(params: Partial<DcqcnParams> = {}) {
    this.params = { ...DCQCN_DEFAULTS, ...params };
  }

  attach(context: CcContext): void {
    this.#ctx = context;
    const n = context.rate.length;
    this.#target = new Float64Array(n);
    this.#alpha = new Float64Array(n);
    this.#timerCount = new Int32Array(n);
    this.#byteCount = new Int32Array(n);
    this.#bytes = new Float64Array(n);
    this.#cnpSinceAlpha = new Uint8Array(n);
    this.#limited = new Uint8Array(n);
    this.#alphaHandle = new Float64Array(n).fill(-1);
    this.#rateHandle = new Float64Array(n).fill(-1);
    this.#alphaKind = context.engine.register('dcqcn/alpha', (flow) => {
      this.#onAlphaTimer(flow);
    });
    this.#rateKind = context.engine.register('dcqcn/rate-timer', (flow) => {
      this.#onRateTimer(flow);
    });
  }

  onFlowStart(flow: number): void {
    const ctx = this.#ctx!;
    ctx.rate[flow] = ctx.lineRate[flow]!;
    this.#target[flow] = ctx.lineRate[flow]!;
    this.#alpha[flow] = this.params.initialAlpha;
  }

  onCnp(flow: number): void {
    this.cnpsReceived++;
    const ctx = this.#ctx!;
    const p = this.params;
    const engine = ctx.engine;
    if (this.#limited[flow] === 0) {
      this.#limited[flow] = 1;
      this.#alphaHandle[flow] = engine.schedule(p.alphaUpdatePeriodNs, this.#alphaKind, flow);
    }
    const rc = ctx.rate[flow]!;
    this.#target[flow] = rc;
    const cut = Math.min(this.#alpha[flow]! / 2, p.maxDecreaseFraction);
    ctx.rate[flow] = Math.max(rc * (1 - cut), (p.minRateGbps * 1e9) / 8 / 1e9);
    this.#alpha[flow] = (1 - p.g) * this.#alpha[flow]! + p.g;
    this.#cnpSinceAlpha[flow] = 1;
    this.#timerCount[flow] = 0;
    this.#byteCount[flow] = 0;
    this.#bytes[flow] = 0;
    if (this.#rateHandle[flow]! >= 0) engine.cancel(this.#rateHandle[flow]!);
    this.#rateHandle[flow] = engine.schedule(p.rateIncreaseTimerNs, this.#rateKind, flow);
  }

  onSent(flow: number, bytes: number): void {
    if (this.#limited[flow] === 0) return;
    this.#bytes[flow]! += bytes;
    if (this.#bytes[flow]! >= this.params.byteCounterBytes) {
      this.#bytes[flow] = 0;
      this.#byteCount[flow]! += 1;
      this.#increase(flow);
    }
  }

  onFlowEnd(flow: number): void {
    this.#release(flow);
  }

  #onAlphaTimer(flow: number): void {
    this.#alphaHandle[flow] = -1;
    if (this.#limited[flow] === 0) return;
    if (this.#cnpSinceAlpha[flow] === 0) this.#alpha[flow] = (1 - this.params.g) * this.#alpha[flow]!;
    this.#cnpSinceAlpha[flow] = 0;
    this.#alphaHandle[flow] = this.#ctx!.engine.schedule(this.params.alphaUpdatePeriodNs, this.#alphaKind, flow);
  }

  #onRateTimer(flow: number): void {
    this.#rateHandle[flow] = -1;
    if (this.#limited[flow] === 0) return;
    this.#timerCount[flow]! += 1;
    this.#increase(flow);
    if (this.#limited[flow] === 1) {
      this.#rateHandle[flow] = this.#ctx!.engine.schedule(this.params.rateIncreaseTimerNs, this.#rateKind, flow);
    }
  }

  #increase(flow: number): void {
    const ctx = this.#ctx!;
    const p = this.params;
    const line = ctx.lineRate[flow]!;
    const t = this.#timerCount[flow]!;
    const b = this.#byteCount[flow]!;
    const f = p.fastRecoverySteps;
    if (Math.max(t, b) >= f) {
      if (Math.min(t, b) > f) {
        const i = Math.min(t, b) - f;
        this.#target[flow]! += (i * p.hyperIncreaseGbps) / 8;
      } else {
        this.#target[flow]! += p.additiveIncreaseGbps / 8;
      }
    }
    this.#target[flow] = Math.min(this.#target[flow]!, line);
    ctx.rate[flow] = Math.min((this.#target[flow] + ctx.rate[flow]!) / 2, line);
    if (ctx.rate[flow] >= line * 0.999_999) {
      ctx.rate[flow] = line;
      this.#release(flow);
    }
  }

  #release(flow: number): void {
    if (this.#limited[flow] === 0) return;
    this.#limited[flow] = 0;
    const engine = this.#ctx!.engine;
    if (this.#alphaHandle[flow]! >= 0) engine.cancel(this.#alphaHandle[flow]!);
    if (this.#rateHandle[flow]! >= 0) engine.cancel(this.#rateHandle[flow]!);
    this.#alphaHandle[flow] = -1;
    this.#rateHandle[flow] = -1;
  }
}
