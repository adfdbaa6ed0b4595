import type { ReplicaCountSample } from '../../fabric-sim/serving/index.js';
import { type ElasticJob, type LendingAction, planLending } from './lending.js';

/** The elastic fine-tuning job that borrows inference GPUs. */
export interface LentJobSpec {
  readonly name: string;
  readonly priority: number;
  readonly gpusPerWorker: number;
  readonly minWorkers: number;
  readonly maxWorkers: number;
  /** Optimizer step time with `workers` workers (data parallel), ns. */
  readonly stepTimeNs: (workers: number) => number;
  /** Checkpoint after this many steps (> 0). */
  readonly checkpointEverySteps: number;
  /** Synchronous checkpoint time, ns. */
  readonly checkpointNs: number;
  /** Restart after a membership change (reload the checkpoint, rebuild the communicators), ns. */
  readonly restartNs: number;
}

export interface LendingRunInput {
  /** The inference deployment's replica counts over time (a controlled serving run's timeline). */
  readonly timeline: readonly ReplicaCountSample[];
  readonly gpusPerReplica: number;
  /** GPUs the inference deployment owns. */
  readonly ownedGpus: number;
  /** GPUs kept idle for bursts. */
  readonly reserveGpus: number;
  readonly job: LentJobSpec;
  /** Longest a reclaim may take (the job checkpoints on the signal and exits). */
  readonly reclaimGraceNs: number;
}

export interface LendingRunResult {
  /** Every lend and reclaim, with its time. */
  readonly actions: readonly (LendingAction & { readonly timeNs: number })[];
  /** Optimizer steps kept (lost steps excluded). */
  readonly stepsDone: number;
  /** Steps recomputed after restarts from a checkpoint. */
  readonly stepsLost: number;
  /** GPU-time of lost work, as each reclaim reported it. */
  readonly lostGpuNs: number;
  /** Share of owned GPU-time held by inference replicas. */
  readonly inferenceUtilisation: number;
  /** Share of owned GPU-time held by inference or training. */
  readonly utilisationWithLending: number;
  /** Longest time from a reclaim decision to the GPUs being free. */
  readonly maxReclaimNs: number;
}

/**
 * Runs an elastic fine-tuning job on the GPUs an inference deployment does not need, over the
 * deployment's replica timeline: at every control tick `planLending` decides lends and
 * reclaims; the job advances at its step time for its current worker count, pauses for
 * checkpoints, and after any membership change restarts from its last checkpoint (the steps
 * since then are lost, and the restart costs `restartNs`). Inference GPUs count as held while a
 * replica is ready, starting or draining.
 *
 * The serving run must already include the reclaim grace in its replica start time, since a
 * scale-up may need lent GPUs back first; this run checks the grace bound and accounts for the
 * training side.
 */
export function runLending(input: LendingRunInput): LendingRunResult {
  const { job, timeline } = input;
  if (!(job.checkpointEverySteps > 0)) throw new RangeError(`runLending: checkpointEverySteps must be > 0, got ${String(job.checkpointEverySteps)}`);
  const actions: (LendingAction & { timeNs: number })[] = [];
  let workers = 0;
  let steps = 0; // steps since the job started, fractional while running
  let checkpointStep = 0;
  let stepsLost = 0;
  let lastCheckpointNs = 0;
  let pausedUntilNs = 0;
  let lostGpuNs = 0;
  let maxReclaimNs = 0;
  let inferenceGpuNs = 0;
  let trainingGpuNs = 0;
  for (let i = 0; i < timeline.length; i++) {
    const sample = timeline[i]!;
    const nextNs = timeline[i + 1]?.timeNs ?? sample.timeNs;
    const needed = (sample.ready + sample.starting + sample.draining) * input.gpusPerReplica;
    const state: ElasticJob = { name: job.name, priority: job.priority, gpusPerWorker: job.gpusPerWorker, minWorkers: job.minWorkers, maxWorkers: job.maxWorkers, workers, lastCheckpointNs };
    const decided = planLending(
      { nowNs: sample.timeNs, inferenceGpus: input.ownedGpus, inferenceNeededGpus: needed, reserveGpus: input.reserveGpus, jobs: [state] },
      { reclaimGraceNs: input.reclaimGraceNs },
    );
    for (const action of decided) {
      actions.push({ ...action, timeNs: sample.timeNs });
      if (action.kind === 'reclaim') {
        lostGpuNs += action.lostGpuNs;
        maxReclaimNs = Math.max(maxReclaimNs, action.freeByNs - sample.timeNs);
        workers -= action.workers;
      } else {
        workers += action.workers;
      }
      // Any membership change restarts from the last checkpoint.
      stepsLost += steps - checkpointStep;
      steps = checkpointStep;
      pausedUntilNs = sample.timeNs + job.restartNs;
    }
    inferenceGpuNs += needed * (nextNs - sample.timeNs);
    trainingGpuNs += workers * job.gpusPerWorker * (nextNs - sample.timeNs);
    // Advance the job over [sample, next).
    let t = Math.max(sample.timeNs, pausedUntilNs);
    while (workers > 0 && t < nextNs) {
      const stepNs = job.stepTimeNs(workers);
      const untilCheckpoint = (checkpointStep + job.checkpointEverySteps - steps) * stepNs;
      if (t + untilCheckpoint > nextNs) {
        steps += (nextNs - t) / stepNs;
        break;
      }
      t += untilCheckpoint + job.checkpointNs;
      steps = checkpointStep + job.checkpointEverySteps;
      checkpointStep = steps;
      lastCheckpointNs = t;
      pausedUntilNs = t;
    }
  }
  const spanNs = timeline.length > 1 ? timeline[timeline.length - 1]!.timeNs - timeline[0]!.timeNs : 0;
  const owned = input.ownedGpus * spanNs;
  return {
    actions,
    stepsDone: Math.floor(steps),
    stepsLost,
    lostGpuNs,
    inferenceUtilisation: owned > 0 ? inferenceGpuNs / owned : 0,
    utilisationWithLending: owned > 0 ? (inferenceGpuNs + trainingGpuNs) / owned : 0,
    maxReclaimNs,
  };
}
