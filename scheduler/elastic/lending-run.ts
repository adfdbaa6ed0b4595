import type { ReplicaCountSample } from '../../fabric-sim/serving/index.js';
import { ElasticJobRun } from './job-progress.js';
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
  /**
   * On a membership change the job first writes a checkpoint (as elastic launchers do on the
   * preemption signal, within the reclaim grace), so only the step in progress is lost; without
   * it, everything since the last periodic checkpoint is. Default false.
   */
  readonly checkpointOnChange?: boolean;
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
  /** GPU-time of the steps thrown away by restarts. */
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
  const run = new ElasticJobRun(job);
  const actions: (LendingAction & { timeNs: number })[] = [];
  let maxReclaimNs = 0;
  let inferenceGpuNs = 0;
  for (let i = 0; i < timeline.length; i++) {
    const sample = timeline[i]!;
    const nextNs = timeline[i + 1]?.timeNs ?? sample.timeNs;
    const needed = (sample.ready + sample.starting + sample.draining) * input.gpusPerReplica;
    run.advanceTo(sample.timeNs);
    const state: ElasticJob = { name: job.name, priority: job.priority, gpusPerWorker: job.gpusPerWorker, minWorkers: job.minWorkers, maxWorkers: job.maxWorkers, workers: run.workers, lastCheckpointNs: run.lastCheckpointNs };
    const decided = planLending(
      { nowNs: sample.timeNs, inferenceGpus: input.ownedGpus, inferenceNeededGpus: needed, reserveGpus: input.reserveGpus, jobs: [state] },
      { reclaimGraceNs: input.reclaimGraceNs },
    );
    let workers = run.workers;
    for (const action of decided) {
      actions.push({ ...action, timeNs: sample.timeNs });
      if (action.kind === 'reclaim') {
        maxReclaimNs = Math.max(maxReclaimNs, action.freeByNs - sample.timeNs);
        workers -= action.workers;
      } else {
        workers += action.workers;
      }
    }
    run.setWorkers(sample.timeNs, workers);
    inferenceGpuNs += needed * (nextNs - sample.timeNs);
  }
  const startNs = timeline[0]?.timeNs ?? 0;
  const endNs = timeline[timeline.length - 1]?.timeNs ?? startNs;
  const progress = run.progress(endNs);
  const owned = input.ownedGpus * (endNs - startNs);
  return {
    actions,
    stepsDone: progress.stepsDone,
    stepsLost: progress.stepsLost,
    lostGpuNs: progress.lostGpuNs,
    inferenceUtilisation: owned > 0 ? inferenceGpuNs / owned : 0,
    utilisationWithLending: owned > 0 ? (inferenceGpuNs + progress.heldGpuNs) / owned : 0,
    maxReclaimNs,
  };
}
