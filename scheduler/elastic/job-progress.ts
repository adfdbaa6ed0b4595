import type { LentJobSpec } from './lending-run.js';

/** What an elastic job achieved over a run. */
export interface JobProgress {
  /** Optimizer steps kept (recomputed steps excluded), whole steps. */
  readonly stepsDone: number;
  /** Steps thrown away by restarts from a checkpoint. */
  readonly stepsLost: number;
  /** GPU-time of the thrown-away steps (each step's time x the GPUs that ran it). */
  readonly lostGpuNs: number;
  /** GPU-time held by the job's workers (computing, checkpointing or restarting). */
  readonly heldGpuNs: number;
  readonly checkpoints: number;
  /** Restarts forced by a membership change of a running job. */
  readonly restarts: number;
  /** Time the last checkpoint finished. */
  readonly lastCheckpointNs: number;
}

/**
 * An elastic data-parallel job driven through worker-count changes: it advances at its step time
 * for the current worker count, pauses for each synchronous checkpoint, and after any membership
 * change restarts from its last checkpoint (the steps since are lost; the restart costs
 * `restartNs` before computing resumes, also when the job first starts).
 *
 * Invariant: time only moves forward; stepsDone + stepsLost never exceed the steps the held
 * GPU-time could have computed.
 * @example
 * const run = new ElasticJobRun(spec);
 * run.setWorkers(0, 4);
 * run.setWorkers(60e9, 2); // the steps since the last checkpoint are lost
 * run.progress(120e9).stepsDone;
 */
export class ElasticJobRun {
  readonly #job: LentJobSpec;
  #nowNs = 0;
  #workers = 0;
  #steps = 0; // fractional while a step runs
  #checkpointStep = 0;
  #stepsLost = 0;
  #lostGpuNs = 0;
  #heldGpuNs = 0;
  #checkpoints = 0;
  #restarts = 0;
  #lastCheckpointNs = 0;
  #pausedUntilNs = 0;
  #gpuNsSinceCheckpoint = 0;

  constructor(job: LentJobSpec) {
    if (!(job.checkpointEverySteps > 0)) throw new RangeError(`ElasticJobRun: checkpointEverySteps must be > 0, got ${String(job.checkpointEverySteps)}`);
    if (!(job.checkpointNs >= 0) || !(job.restartNs >= 0)) throw new RangeError(`ElasticJobRun: checkpointNs and restartNs must be >= 0, got ${String(job.checkpointNs)} and ${String(job.restartNs)}`);
    this.#job = job;
  }

  get workers(): number {
    return this.#workers;
  }

  /** Time the last checkpoint finished, as of the latest time the run was advanced to. */
  get lastCheckpointNs(): number {
    return this.#lastCheckpointNs;
  }

  /** Advances the job to `timeNs` (not before the current time). */
  advanceTo(timeNs: number): void {
    if (timeNs < this.#nowNs) throw new RangeError(`ElasticJobRun: time must not go back, got ${String(timeNs)} after ${String(this.#nowNs)}`);
    const job = this.#job;
    const workers = this.#workers;
    this.#heldGpuNs += workers * job.gpusPerWorker * (timeNs - this.#nowNs);
    let t = Math.max(this.#nowNs, this.#pausedUntilNs);
    this.#nowNs = timeNs;
    while (workers > 0 && t < timeNs) {
      const stepNs = job.stepTimeNs(workers);
      const untilCheckpointNs = (this.#checkpointStep + job.checkpointEverySteps - this.#steps) * stepNs;
      if (t + untilCheckpointNs > timeNs) {
        this.#steps += (timeNs - t) / stepNs;
        this.#gpuNsSinceCheckpoint += (timeNs - t) * workers * job.gpusPerWorker;
        return;
      }
      t += untilCheckpointNs + job.checkpointNs;
      this.#checkpointStep += job.checkpointEverySteps;
      this.#steps = this.#checkpointStep;
      this.#checkpoints++;
      this.#gpuNsSinceCheckpoint = 0;
      this.#lastCheckpointNs = t;
      this.#pausedUntilNs = t;
    }
  }

  /** Changes the worker count at `timeNs`; a running job restarts from its last checkpoint. */
  setWorkers(timeNs: number, workers: number): void {
    if (!Number.isInteger(workers) || workers < 0) throw new RangeError(`ElasticJobRun: workers must be an integer >= 0, got ${String(workers)}`);
    this.advanceTo(timeNs);
    if (workers === this.#workers) return;
    let resumeNs = timeNs;
    if (this.#workers > 0) {
      if (this.#job.checkpointOnChange === true && timeNs >= this.#pausedUntilNs) {
        // Keep the whole steps done since the last checkpoint: save them, lose the partial step.
        const whole = Math.floor(this.#steps);
        const partial = this.#steps - whole;
        this.#stepsLost += partial;
        this.#lostGpuNs += partial * this.#job.stepTimeNs(this.#workers) * this.#workers * this.#job.gpusPerWorker;
        if (whole > this.#checkpointStep) {
          this.#checkpointStep = whole;
          this.#checkpoints++;
          resumeNs += this.#job.checkpointNs;
          this.#lastCheckpointNs = resumeNs;
        }
      } else {
        this.#stepsLost += this.#steps - this.#checkpointStep;
        this.#lostGpuNs += this.#gpuNsSinceCheckpoint;
      }
      this.#restarts++;
    }
    this.#steps = this.#checkpointStep;
    this.#gpuNsSinceCheckpoint = 0;
    this.#workers = workers;
    this.#pausedUntilNs = resumeNs + this.#job.restartNs;
  }

  /** The job's account after advancing to `endNs`. */
  progress(endNs: number): JobProgress {
    this.advanceTo(endNs);
    return {
      stepsDone: Math.floor(this.#steps),
      stepsLost: this.#stepsLost,
      lostGpuNs: this.#lostGpuNs,
      heldGpuNs: this.#heldGpuNs,
      checkpoints: this.#checkpoints,
      restarts: this.#restarts,
      lastCheckpointNs: this.#lastCheckpointNs,
    };
  }
}
