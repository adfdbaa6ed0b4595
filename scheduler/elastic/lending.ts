/**
 * Lending and reclaiming GPUs between inference and elastic fine-tuning, as counts: which job
 * grows or shrinks by how many workers. Where the workers go is the scheduler's placement, not
 * decided here.
 *
 * Inference owns its GPUs. GPUs it does not need (beyond a reserve kept warm for bursts) are
 * lent to elastic jobs, highest priority first, in whole workers up to each job's max. When
 * inference needs GPUs back, they are reclaimed from the lowest-priority jobs first: a job first
 * shrinks towards its min (the remaining workers restart from the last checkpoint), and only
 * when that is not enough is it suspended whole. Every reclaim reports the work lost since the
 * job's last checkpoint and when the GPUs will be free (after a bounded grace period).
 */

/** An elastic fine-tuning job that runs on lent GPUs. */
export interface ElasticJob {
  readonly name: string;
  /** Higher is more important: lent to first, reclaimed from last. */
  readonly priority: number;
  readonly gpusPerWorker: number;
  readonly minWorkers: number;
  readonly maxWorkers: number;
  /** Workers running now on lent GPUs. */
  readonly workers: number;
  /** Last checkpoint, ns; work since then is lost by a restart. */
  readonly lastCheckpointNs: number;
}

export interface LendingState {
  readonly nowNs: number;
  /** GPUs that inference owns (lent ones included). */
  readonly inferenceGpus: number;
  /** GPUs inference needs now (its desired replicas x GPUs per replica). */
  readonly inferenceNeededGpus: number;
  /** GPUs kept idle for bursts, never lent. */
  readonly reserveGpus: number;
  readonly jobs: readonly ElasticJob[];
}

export interface LendingOptions {
  /** Longest a job may take to hand GPUs back (checkpoint on signal, then exit). Default 30 s. */
  readonly reclaimGraceNs?: number;
  /**
   * Lend only batches of at least this many GPUs. Every lend restarts the job from its last
   * checkpoint, so a lend of a GPU or two can cost more than it gives. Default 1.
   */
  readonly minLendGpus?: number;
}

export type LendingAction =
  | { readonly kind: 'lend'; readonly job: string; readonly workers: number; readonly gpus: number }
  | {
      readonly kind: 'reclaim';
      readonly job: string;
      readonly workers: number;
      readonly gpus: number;
      /** The job lost all its workers (it was at or below its min). */
      readonly suspended: boolean;
      /** GPU-time of work lost: every worker that was running restarts from the last checkpoint. */
      readonly lostGpuNs: number;
      /** When the reclaimed GPUs are free at the latest. */
      readonly freeByNs: number;
    };

function validateJob(job: ElasticJob): void {
  const positive = (value: number, field: string, min: number): void => {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`elastic job ${job.name}: ${field} must be an integer >= ${min}, got ${String(value)}`);
  };
  positive(job.gpusPerWorker, 'gpusPerWorker', 1);
  positive(job.minWorkers, 'minWorkers', 1);
  positive(job.maxWorkers, 'maxWorkers', job.minWorkers);
  positive(job.workers, 'workers', 0);
  if (job.workers > job.maxWorkers) throw new RangeError(`elastic job ${job.name}: workers ${job.workers} exceed maxWorkers ${job.maxWorkers}`);
}

/**
 * Decides lends and reclaims for one controller tick. Deterministic: ties in priority are broken
 * by name.
 * @example
 * planLending({ nowNs, inferenceGpus: 64, inferenceNeededGpus: 40, reserveGpus: 8, jobs });
 * // [{ kind: 'lend', job: 'lora-a', workers: 2, gpus: 16 }]
 */
export function planLending(state: LendingState, options: LendingOptions = {}): LendingAction[] {
  state.jobs.forEach(validateJob);
  const grace = options.reclaimGraceNs ?? 30e9;
  const minLend = options.minLendGpus ?? 1;
  const lent = state.jobs.reduce((sum, j) => sum + j.workers * j.gpusPerWorker, 0);
  // GPUs inference owns that are neither used by it nor lent.
  const idle = state.inferenceGpus - state.inferenceNeededGpus - lent;
  const actions: LendingAction[] = [];
  if (idle < 0) {
    // Inference needs GPUs that are lent out: reclaim, lowest priority first.
    let short = -idle;
    const byNeed = [...state.jobs].filter((j) => j.workers > 0).sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
    for (const job of byNeed) {
      if (short <= 0) break;
      const shrinkable = job.workers - job.minWorkers;
      let workers = Math.min(shrinkable, Math.ceil(short / job.gpusPerWorker));
      let suspended = false;
      if (workers * job.gpusPerWorker < short && workers === shrinkable) {
        // Shrinking to min is not enough: suspend the whole job.
        workers = job.workers;
        suspended = true;
      }
      if (workers <= 0) continue;
      short -= workers * job.gpusPerWorker;
      actions.push({
        kind: 'reclaim',
        job: job.name,
        workers,
        gpus: workers * job.gpusPerWorker,
        suspended,
        lostGpuNs: Math.max(0, state.nowNs - job.lastCheckpointNs) * job.workers * job.gpusPerWorker,
        freeByNs: state.nowNs + grace,
      });
    }
    return actions;
  }
  let spare = idle - state.reserveGpus;
  const byPriority = [...state.jobs].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
  for (const job of byPriority) {
    const room = job.maxWorkers - job.workers;
    // A job that is not running needs its min to start at all.
    const least = job.workers === 0 ? job.minWorkers : 1;
    const workers = Math.min(room, Math.floor(spare / job.gpusPerWorker));
    if (workers < least || workers <= 0 || workers * job.gpusPerWorker < minLend) continue;
    spare -= workers * job.gpusPerWorker;
    actions.push({ kind: 'lend', job: job.name, workers, gpus: workers * job.gpusPerWorker });
  }
  return actions;
}
