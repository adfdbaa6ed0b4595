/**
 * Inference autoscaling as a plugin: every policy observes the same load samples and answers
 * the same question, so the elastic controller (and the policy comparison) never branches on
 * which policy it runs.
 */

/** One observation of a deployment's load, taken by the controller on its tick. */
export interface LoadSample {
  /** Requests that arrived per second over the last tick. */
  readonly requestsPerSec: number;
  /** Requests in flight (queued or running) at the sample time. */
  readonly inFlight: number;
}

export interface ScalingPolicy {
  /** Name for reports (`kpa`, `slo`, `static`). */
  readonly name: string;
  /** Records a sample taken at `timeNs`; samples come in time order. */
  observe(timeNs: number, sample: LoadSample): void;
  /** Replicas the deployment should have now, given how many are ready. */
  desiredReplicas(nowNs: number, readyReplicas: number): number;
}

/** Replica bounds shared by every policy. */
export interface ReplicaBounds {
  readonly minReplicas: number;
  readonly maxReplicas: number;
}

export function validateBounds(bounds: ReplicaBounds, owner: string): void {
  if (!Number.isInteger(bounds.minReplicas) || bounds.minReplicas < 0) {
    throw new RangeError(`${owner}: minReplicas must be an integer >= 0, got ${String(bounds.minReplicas)}`);
  }
  if (!Number.isInteger(bounds.maxReplicas) || bounds.maxReplicas < Math.max(1, bounds.minReplicas)) {
    throw new RangeError(`${owner}: maxReplicas must be an integer >= max(1, minReplicas), got ${String(bounds.maxReplicas)}`);
  }
}

export function clampReplicas(replicas: number, bounds: ReplicaBounds): number {
  return Math.min(bounds.maxReplicas, Math.max(bounds.minReplicas, replicas));
}

/** A fixed replica count: the static peak and static average baselines of the policy comparison. */
export class StaticPolicy implements ScalingPolicy {
  readonly name: string;
  readonly #replicas: number;

  constructor(replicas: number, name = 'static') {
    if (!Number.isInteger(replicas) || replicas < 1) throw new RangeError(`StaticPolicy: replicas must be a positive integer, got ${String(replicas)}`);
    this.#replicas = replicas;
    this.name = name;
  }

  observe(): void {
    // A static plan ignores load.
  }

  desiredReplicas(): number {
    return this.#replicas;
  }
}

/**
 * Largest recommendation over the last `delayNs`: a scale-down takes effect only once every
 * recommendation of the delay window agrees with it (Knative's scale-down delay), so a dip
 * shorter than the delay never releases replicas.
 */
export class ScaleDownDelay {
  readonly #delayNs: number;
  readonly #history: { timeNs: number; replicas: number }[] = [];

  constructor(delayNs: number) {
    if (!(delayNs >= 0) || !Number.isFinite(delayNs)) throw new RangeError(`ScaleDownDelay: delayNs must be >= 0, got ${String(delayNs)}`);
    this.#delayNs = delayNs;
  }

  apply(nowNs: number, replicas: number): number {
    this.#history.push({ timeNs: nowNs, replicas });
    while (this.#history.length > 1 && this.#history[0]!.timeNs < nowNs - this.#delayNs) this.#history.shift();
    return this.#history.reduce((max, h) => Math.max(max, h.replicas), 0);
  }
}
