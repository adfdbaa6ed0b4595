/**
 * The controller hook of the serving simulation (DESIGN.md: fabric-sim owns the hook, a control
 * loop in scheduler/ steers through it without fabric-sim importing the scheduler). The
 * simulation calls `desiredReplicas` every `periodNs` with what a real autoscaler would observe,
 * and carries the answer out: a scale-up reuses a draining replica at once (its weights are
 * still loaded) or starts a new one that serves after `replicaStartNs` (the model load); a
 * scale-down first cancels replicas still starting, then drains the least loaded: they take no
 * new requests and leave once their requests finish.
 */
export interface ServingControlView {
  readonly nowNs: number;
  /** Replicas taking requests. */
  readonly readyReplicas: number;
  /** Replicas loading the model. */
  readonly startingReplicas: number;
  /** Replicas taking no new requests that still hold requests (and their GPUs). */
  readonly drainingReplicas: number;
  /** Arrivals over the last period, per second. */
  readonly requestsPerSec: number;
  /** Requests routed and not finished. */
  readonly inFlight: number;
}

export interface ServingController {
  readonly periodNs: number;
  readonly replicaStartNs: number;
  /** Replicas wanted now (at least 1). */
  desiredReplicas(view: ServingControlView): number;
  /**
   * Time from a scale-up decided at `nowNs` to the new replica serving, when it differs per
   * decision (a scale-up that must first take GPUs back from a lent job waits for the reclaim).
   * Called once per new replica, right after `desiredReplicas`. Default `replicaStartNs`.
   */
  startDelayNs?(nowNs: number): number;
}

/** Replica counts at one control tick. */
export interface ReplicaCountSample {
  readonly timeNs: number;
  readonly ready: number;
  readonly starting: number;
  /** Draining replicas that still hold requests. */
  readonly draining: number;
}

export function validateController(controller: ServingController): void {
  if (!(controller.periodNs > 0) || !Number.isFinite(controller.periodNs)) {
    throw new RangeError(`ServingController periodNs must be a positive finite number, got ${String(controller.periodNs)}`);
  }
  if (!(controller.replicaStartNs >= 0) || !Number.isFinite(controller.replicaStartNs)) {
    throw new RangeError(`ServingController replicaStartNs must be >= 0, got ${String(controller.replicaStartNs)}`);
  }
}
