import { clampReplicas, type LoadSample, type ReplicaBounds, ScaleDownDelay, type ScalingPolicy, validateBounds } from './scaling-policy.js';
import { SlidingWindowMean } from './sliding-window.js';

/** Options of {@link KpaPolicy}; defaults are Knative Serving's (config-autoscaler). */
export interface KpaOptions extends ReplicaBounds {
  /** Which signal to hold per replica. Default `concurrency`. */
  readonly metric?: 'concurrency' | 'rps';
  /** Target of the metric per replica (concurrency target x utilisation, or requests/s). */
  readonly targetPerReplica: number;
  /** Stable window. Default 60 s. */
  readonly stableWindowNs?: number;
  /** Panic window as a fraction of the stable window. Default 0.1 (6 s). */
  readonly panicWindowFraction?: number;
  /** Panic when the panic window asks for this multiple of the ready replicas. Default 2. */
  readonly panicThreshold?: number;
  /** Most growth per decision, as a multiple of ready replicas. Default 1000. */
  readonly maxScaleUpRate?: number;
  /** Most shrinkage per decision, as a divisor of ready replicas. Default 2. */
  readonly maxScaleDownRate?: number;
  /** Scale-down delay. Default 0. */
  readonly scaleDownDelayNs?: number;
}

/**
 * Load-driven autoscaling in the manner of the Knative Pod Autoscaler: desired replicas are the
 * metric averaged over the stable window divided by the per-replica target; when the panic
 * window alone asks for at least `panicThreshold` times the ready replicas, it panics: it
 * follows the panic window and never scales down, until a whole stable window passes without
 * that condition. Source: knative.dev/docs/serving/autoscaling/kpa-specific (stable and panic
 * modes, 60 s window, 10% panic window, 200% threshold).
 *
 * @example
 * const kpa = new KpaPolicy({ targetPerReplica: 32, minReplicas: 1, maxReplicas: 16 });
 * kpa.observe(t, { requestsPerSec: 40, inFlight: 70 });
 * kpa.desiredReplicas(t, 2); // 3
 */
export class KpaPolicy implements ScalingPolicy {
  readonly name = 'kpa';
  readonly #options: Required<KpaOptions>;
  readonly #stable: SlidingWindowMean;
  readonly #panic: SlidingWindowMean;
  readonly #scaleDown: ScaleDownDelay;
  /** Last time the panic condition held; panic lasts a stable window after it. */
  #panicSinceNs = -Infinity;
  #panicking = false;
  /** Highest desired count while panicking (panic never scales down). */
  #panicFloor = 0;

  constructor(options: KpaOptions) {
    validateBounds(options, 'KpaPolicy');
    this.#options = {
      metric: 'concurrency',
      stableWindowNs: 60e9,
      panicWindowFraction: 0.1,
      panicThreshold: 2,
      maxScaleUpRate: 1000,
      maxScaleDownRate: 2,
      scaleDownDelayNs: 0,
      ...options,
    };
    const o = this.#options;
    if (!(o.targetPerReplica > 0)) throw new RangeError(`KpaPolicy: targetPerReplica must be > 0, got ${String(o.targetPerReplica)}`);
    if (!(o.panicWindowFraction > 0 && o.panicWindowFraction <= 1)) {
      throw new RangeError(`KpaPolicy: panicWindowFraction must be in (0, 1], got ${String(o.panicWindowFraction)}`);
    }
    if (!(o.panicThreshold >= 1)) throw new RangeError(`KpaPolicy: panicThreshold must be >= 1, got ${String(o.panicThreshold)}`);
    if (!(o.maxScaleUpRate > 1)) throw new RangeError(`KpaPolicy: maxScaleUpRate must be > 1, got ${String(o.maxScaleUpRate)}`);
    if (!(o.maxScaleDownRate > 1)) throw new RangeError(`KpaPolicy: maxScaleDownRate must be > 1, got ${String(o.maxScaleDownRate)}`);
    this.#stable = new SlidingWindowMean(o.stableWindowNs);
    this.#panic = new SlidingWindowMean(o.stableWindowNs * o.panicWindowFraction);
    this.#scaleDown = new ScaleDownDelay(o.scaleDownDelayNs);
  }

  /** True while in panic mode (after the last `desiredReplicas`). */
  get panicking(): boolean {
    return this.#panicking;
  }

  observe(timeNs: number, sample: LoadSample): void {
    const value = this.#options.metric === 'concurrency' ? sample.inFlight : sample.requestsPerSec;
    this.#stable.add(timeNs, value);
    this.#panic.add(timeNs, value);
  }

  desiredReplicas(nowNs: number, readyReplicas: number): number {
    const o = this.#options;
    const stableMean = this.#stable.mean(nowNs);
    const panicMean = this.#panic.mean(nowNs);
    if (stableMean === undefined || panicMean === undefined) return clampReplicas(Math.max(readyReplicas, o.minReplicas), o);
    const desiredStable = Math.ceil(stableMean / o.targetPerReplica);
    const desiredPanic = Math.ceil(panicMean / o.targetPerReplica);
    const ready = Math.max(1, readyReplicas);
    if (desiredPanic / ready >= o.panicThreshold) {
      if (!this.#panicking) this.#panicFloor = readyReplicas;
      this.#panicking = true;
      this.#panicSinceNs = nowNs;
    } else if (this.#panicking && nowNs - this.#panicSinceNs >= o.stableWindowNs) {
      this.#panicking = false;
    }
    let desired: number;
    if (this.#panicking) {
      desired = Math.max(desiredPanic, this.#panicFloor);
      this.#panicFloor = desired;
    } else {
      desired = this.#scaleDown.apply(nowNs, desiredStable);
    }
    desired = Math.min(desired, Math.ceil(ready * o.maxScaleUpRate));
    desired = Math.max(desired, Math.floor(readyReplicas / o.maxScaleDownRate));
    return clampReplicas(desired, o);
  }
}
