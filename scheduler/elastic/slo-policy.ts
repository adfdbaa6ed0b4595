import type { SloTargets } from '../planner/slo.js';
import { clampReplicas, type LoadSample, type ReplicaBounds, ScaleDownDelay, type ScalingPolicy, validateBounds } from './scaling-policy.js';
import { SlidingWindowMean } from './sliding-window.js';

/** The latency a replica is predicted to give at a per-replica arrival rate (the planner's replica model). */
export type ReplicaLatencyPredictor = (requestsPerSecPerReplica: number) => {
  readonly feasible: boolean;
  readonly ttftP99Ns: number;
  readonly tpotP99Ns: number;
  readonly e2eP99Ns: number;
};

export interface SloPolicyOptions extends ReplicaBounds {
  readonly slo: SloTargets;
  readonly predict: ReplicaLatencyPredictor;
  /** Fraction of each target kept in reserve. Default 0.1. */
  readonly headroom?: number;
  /** Long window of the arrival rate. Default 60 s. */
  readonly stableWindowNs?: number;
  /** Short window of the arrival rate (the larger of the two means wins). Default 6 s. */
  readonly burstWindowNs?: number;
  /** A scale-down takes effect only after this long of agreeing recommendations. Default 120 s. */
  readonly scaleDownDelayNs?: number;
}

/**
 * SLO-driven autoscaling: the fewest replicas whose predicted p99s meet every target with
 * headroom at the observed arrival rate, the larger of the burst-window and stable-window means
 * (a burst is answered within a few seconds of samples). Scale-down waits until every
 * recommendation of the scale-down delay agrees (the controller asks on every tick). Prediction cost is one replica-model evaluation per candidate
 * count, bisected, so a decision costs O(log maxReplicas) predictions.
 */
export class SloPolicy implements ScalingPolicy {
  readonly name = 'slo';
  readonly #options: Required<SloPolicyOptions>;
  readonly #stable: SlidingWindowMean;
  readonly #burst: SlidingWindowMean;
  readonly #scaleDown: ScaleDownDelay;

  constructor(options: SloPolicyOptions) {
    validateBounds(options, 'SloPolicy');
    this.#options = { headroom: 0.1, stableWindowNs: 60e9, burstWindowNs: 6e9, scaleDownDelayNs: 120e9, ...options };
    const h = this.#options.headroom;
    if (!(h >= 0 && h < 1)) throw new RangeError(`SloPolicy: headroom must be in [0, 1), got ${String(h)}`);
    this.#stable = new SlidingWindowMean(this.#options.stableWindowNs);
    this.#burst = new SlidingWindowMean(this.#options.burstWindowNs);
    this.#scaleDown = new ScaleDownDelay(this.#options.scaleDownDelayNs);
  }

  observe(timeNs: number, sample: LoadSample): void {
    this.#stable.add(timeNs, sample.requestsPerSec);
    this.#burst.add(timeNs, sample.requestsPerSec);
  }

  /** Fewest replicas in [max(1, min), max] meeting the SLO at `requestsPerSec` (max when none does). */
  replicasFor(requestsPerSec: number): number {
    const o = this.#options;
    const meets = (replicas: number): boolean => {
      const p = o.predict(requestsPerSec / replicas);
      const allowed = 1 - o.headroom;
      return (
        p.feasible &&
        (o.slo.ttftP99Ns === undefined || p.ttftP99Ns <= o.slo.ttftP99Ns * allowed) &&
        (o.slo.tpotP99Ns === undefined || p.tpotP99Ns <= o.slo.tpotP99Ns * allowed) &&
        (o.slo.e2eP99Ns === undefined || p.e2eP99Ns <= o.slo.e2eP99Ns * allowed)
      );
    };
    let low = Math.max(1, o.minReplicas);
    let high = o.maxReplicas;
    if (requestsPerSec <= 0 || meets(low)) return low;
    if (!meets(high)) return high;
    // meets(high) and !meets(low): bisect for the boundary (latency falls as replicas rise).
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (meets(mid)) high = mid;
      else low = mid;
    }
    return high;
  }

  desiredReplicas(nowNs: number, readyReplicas: number): number {
    const stable = this.#stable.mean(nowNs);
    const burst = this.#burst.mean(nowNs);
    if (stable === undefined || burst === undefined) return clampReplicas(Math.max(readyReplicas, this.#options.minReplicas), this.#options);
    // The larger rate scales up at once; the delay keeps the largest recommendation of its
    // window, so replicas go only after a whole delay of lower recommendations.
    return clampReplicas(this.#scaleDown.apply(nowNs, this.replicasFor(Math.max(stable, burst))), this.#options);
  }
}
