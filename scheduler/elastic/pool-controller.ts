import type { ReplicaCountSample, ServingControlView, ServingController } from '../../fabric-sim/serving/index.js';
import type { ControlInterval } from '../slo/slo-check.js';
import { type LendingAction, planLending } from './lending.js';
import type { ScalingPolicy } from './scaling-policy.js';

/** The elastic job a pool lends its idle GPUs to, as the pool sees it. */
export interface PoolBorrower {
  readonly name: string;
  readonly priority: number;
  readonly gpusPerWorker: number;
  /** Most workers this pool may lend to the job. */
  readonly maxWorkers: number;
}

/** Options of {@link PoolController}. */
export interface PoolControllerOptions {
  /** The autoscaling policy that decides the replica count. */
  readonly policy: ScalingPolicy;
  readonly periodNs: number;
  /** Model load and warm-up of a new replica, ns. */
  readonly modelLoadNs: number;
  readonly gpusPerReplica: number;
  /** GPUs the deployment owns (its most replicas x GPUs per replica). */
  readonly ownedGpus: number;
  /** Owned GPUs never lent, kept for bursts. Default 0. */
  readonly reserveGpus?: number;
  /** The job that borrows idle GPUs; none: no lending. */
  readonly borrower?: PoolBorrower;
  /** Longest a reclaim may take (the job checkpoints on the signal and exits). */
  readonly reclaimGraceNs: number;
  /** Lend only batches of at least this many GPUs (each lend restarts the job). Default 1. */
  readonly minLendGpus?: number;
}

/** A lend or reclaim decided by a pool, with its time. */
export type TimedLendingAction = LendingAction & { readonly timeNs: number };

/**
 * The elastic controller of one deployment inside the serving simulation (it implements the
 * simulation's controller hook): every tick it asks its scaling policy for the replica count and
 * decides, in the same instant, which of the deployment's idle GPUs are lent to the borrowing
 * job and which must be reclaimed. A scale-up that needs lent GPUs back starts only when the
 * reclaim is done (the job checkpoints and exits within the grace), so reclaim lag shows in the
 * served latencies; a scale-up onto idle GPUs pays only the model load.
 *
 * GPUs held by inference after a tick: a scale-up reuses draining replicas first, a scale-down
 * cancels starting replicas first and drains ready ones, which keep their GPUs until their
 * requests finish. So held = desired + draining - reused when scaling up, and
 * max(ready, desired) + draining otherwise.
 * @example
 * const controller = new PoolController({ policy, periodNs: 1e9, modelLoadNs: 30e9, gpusPerReplica: 4, ownedGpus: 32, borrower, reclaimGraceNs: 10e9 });
 * await simulateServing(requests, { deployment, replicas: 2 }, { controller });
 * controller.actions; // lends and reclaims
 */
export class PoolController implements ServingController {
  readonly periodNs: number;
  readonly replicaStartNs: number;
  readonly #options: PoolControllerOptions;
  readonly #actions: TimedLendingAction[] = [];
  readonly #control: ControlInterval[] = [];
  #lentWorkers = 0;
  /** When GPUs being reclaimed are back (0: none pending). */
  #reclaimDoneNs = 0;
  #lastTickNs: number | undefined;

  constructor(options: PoolControllerOptions) {
    const check = (ok: boolean, field: string, value: number, expected: string): void => {
      if (!ok) throw new RangeError(`PoolController: ${field} must be ${expected}, got ${String(value)}`);
    };
    check(options.periodNs > 0 && Number.isFinite(options.periodNs), 'periodNs', options.periodNs, 'a positive finite number');
    check(options.modelLoadNs >= 0 && Number.isFinite(options.modelLoadNs), 'modelLoadNs', options.modelLoadNs, 'a finite number >= 0');
    check(Number.isInteger(options.gpusPerReplica) && options.gpusPerReplica >= 1, 'gpusPerReplica', options.gpusPerReplica, 'an integer >= 1');
    check(Number.isInteger(options.ownedGpus) && options.ownedGpus >= options.gpusPerReplica, 'ownedGpus', options.ownedGpus, `an integer >= gpusPerReplica (${options.gpusPerReplica})`);
    check(options.reclaimGraceNs >= 0 && Number.isFinite(options.reclaimGraceNs), 'reclaimGraceNs', options.reclaimGraceNs, 'a finite number >= 0');
    this.#options = options;
    this.periodNs = options.periodNs;
    this.replicaStartNs = options.modelLoadNs;
  }

  /** Every lend and reclaim, in time order. */
  get actions(): readonly TimedLendingAction[] {
    return this.#actions;
  }

  /** Scale-up and reclaim lag over each tick, for the SLO check's violation causes. */
  get control(): readonly ControlInterval[] {
    return this.#control;
  }

  /** Workers lent to the borrower now. */
  get lentWorkers(): number {
    return this.#lentWorkers;
  }

  desiredReplicas(view: ServingControlView): number {
    const o = this.#options;
    const now = view.nowNs;
    o.policy.observe(now, { requestsPerSec: view.requestsPerSec, inFlight: view.inFlight });
    const maxReplicas = Math.floor(o.ownedGpus / o.gpusPerReplica);
    const desired = Math.min(maxReplicas, Math.max(1, Math.round(o.policy.desiredReplicas(now, view.readyReplicas))));
    this.#recordInterval(now, view.startingReplicas);
    if (o.borrower === undefined) return desired;

    const have = view.readyReplicas + view.startingReplicas;
    const reused = Math.max(0, Math.min(desired - have, view.drainingReplicas));
    const heldReplicas = desired > have ? desired + view.drainingReplicas - reused : Math.max(view.readyReplicas, desired) + view.drainingReplicas;
    const b = o.borrower;
    const decided = planLending(
      {
        nowNs: now,
        inferenceGpus: o.ownedGpus,
        inferenceNeededGpus: Math.min(o.ownedGpus, heldReplicas * o.gpusPerReplica),
        reserveGpus: o.reserveGpus ?? 0,
        // The job's checkpoint clock is the job's own (it runs across pools); the pool reports GPUs.
        jobs: [{ name: b.name, priority: b.priority, gpusPerWorker: b.gpusPerWorker, minWorkers: 1, maxWorkers: b.maxWorkers, workers: this.#lentWorkers, lastCheckpointNs: now }],
      },
      { reclaimGraceNs: o.reclaimGraceNs, minLendGpus: o.minLendGpus ?? 1 },
    );
    for (const action of decided) {
      this.#actions.push({ ...action, timeNs: now });
      if (action.kind === 'reclaim') {
        this.#lentWorkers -= action.workers;
        this.#reclaimDoneNs = Math.max(this.#reclaimDoneNs, action.freeByNs);
      } else {
        this.#lentWorkers += action.workers;
      }
    }
    return desired;
  }

  startDelayNs(nowNs: number): number {
    return this.#options.modelLoadNs + Math.max(0, this.#reclaimDoneNs - nowNs);
  }

  /** The interval since the previous tick: replicas still starting at its end, GPUs being reclaimed at its start. */
  #recordInterval(nowNs: number, starting: number): void {
    const last = this.#lastTickNs;
    if (last !== undefined) {
      const reclaiming = this.#reclaimDoneNs > last ? this.#reclaimingGpus(last) : 0;
      this.#control.push({ startNs: last, endNs: nowNs, replicasStarting: starting, gpusReclaiming: reclaiming });
    }
    this.#lastTickNs = nowNs;
  }

  #reclaimingGpus(atNs: number): number {
    let gpus = 0;
    for (let i = this.#actions.length - 1; i >= 0; i--) {
      const a = this.#actions[i]!;
      if (a.kind === 'reclaim' && a.timeNs <= atNs && a.freeByNs > atNs) gpus += a.gpus;
      if (a.timeNs + this.#options.reclaimGraceNs < atNs) break;
    }
    return gpus;
  }
}

/** GPUs held by inference over a controlled run, per tick (ready, starting and draining replicas). */
export function heldGpuSeries(timeline: readonly ReplicaCountSample[], gpusPerReplica: number): { timeNs: number; gpus: number }[] {
  return timeline.map((s) => ({ timeNs: s.timeNs, gpus: (s.ready + s.starting + s.draining) * gpusPerReplica }));
}
