/**
 * A fine-tuning job executing on its allocated GPUs: optimizer steps of compute plus the step's
 * collectives (through the injected {@link CollectiveCost}, so the fabric decides what crossing
 * servers costs), with a checkpoint every `checkpointEverySteps` steps, until `totalSteps`.
 *
 * Step time comes from gpu-model's {@link fineTuneStepTime} (compute stretched by the pipeline
 * bubble, plus every collective without overlap). A checkpoint writes the trainable state: for
 * full fine-tuning the bf16 weights plus the fp32 master weights and both Adam moments
 * (2 + 12 = 14 bytes per parameter, the ZeRO paper's model states without gradients); for LoRA
 * the same for the adapters only. Every GPU writes its shard in parallel at
 * `checkpointBytesPerSecPerGpu`, and training stops while it does (a synchronous checkpoint).
 */
import {
  fineTuneFlops,
  fineTuneStepTime,
  type CollectiveCost,
  type EfficiencyFactors,
  type FineTuneJob,
  type GpuSpec,
} from '../../gpu-model/index.js';
import type { Engine, EventKind } from '../engine/index.js';

/** Bytes of trainable state saved per trainable parameter (bf16 weights + fp32 master, m, v). */
export const CHECKPOINT_BYTES_PER_PARAM = 14;

export interface FineTuneRunOptions {
  readonly job: FineTuneJob;
  readonly gpu: GpuSpec;
  readonly collectives: CollectiveCost;
  readonly efficiency: EfficiencyFactors;
  readonly totalSteps: number;
  /** 0: never. */
  readonly checkpointEverySteps: number;
  /** Storage write bandwidth each GPU gets for its shard, bytes/s. */
  readonly checkpointBytesPerSecPerGpu: number;
}

/** Where a run stands, and what it did. */
export interface FineTuneProgress {
  readonly stepsDone: number;
  readonly checkpoints: number;
  readonly stepTimeNs: number;
  readonly checkpointTimeNs: number;
  readonly startNs: number;
  /** NaN until the last step (and its checkpoint, if due) finished. */
  readonly finishNs: number;
  /** Share of a step's time spent in collectives. */
  readonly commFraction: number;
}

/**
 * One fine-tuning job on an engine. The step time is fixed for a job on its allocation, so the
 * run schedules one event per step and one per checkpoint.
 */
export class FineTuneRun {
  readonly #engine: Engine;
  readonly #options: FineTuneRunOptions;
  readonly #stepTimeNs: number;
  readonly #commFraction: number;
  readonly #checkpointTimeNs: number;
  readonly #kStep: EventKind;
  readonly #kCheckpoint: EventKind;
  #stepsDone = 0;
  #checkpoints = 0;
  #startNs = NaN;
  #finishNs = NaN;
  #onDone: ((p: FineTuneProgress) => void) | undefined;

  constructor(engine: Engine, name: string, options: FineTuneRunOptions) {
    if (!Number.isInteger(options.totalSteps) || options.totalSteps < 1) throw new RangeError(`FineTuneRun totalSteps must be a positive integer, got ${String(options.totalSteps)}`);
    if (!Number.isInteger(options.checkpointEverySteps) || options.checkpointEverySteps < 0) {
      throw new RangeError(`FineTuneRun checkpointEverySteps must be an integer >= 0, got ${String(options.checkpointEverySteps)}`);
    }
    if (!(options.checkpointBytesPerSecPerGpu > 0)) throw new RangeError(`FineTuneRun checkpointBytesPerSecPerGpu must be positive, got ${String(options.checkpointBytesPerSecPerGpu)}`);
    this.#engine = engine;
    this.#options = options;
    const step = fineTuneStepTime(options.job, options.gpu, options.collectives, options.efficiency);
    this.#stepTimeNs = step.timeNs;
    this.#commFraction = step.commTimeNs / step.timeNs;
    this.#checkpointTimeNs = checkpointTimeNs(options.job, options.checkpointBytesPerSecPerGpu);
    this.#kStep = engine.register(`finetune/${name}/step`, () => { this.#stepDone(); });
    this.#kCheckpoint = engine.register(`finetune/${name}/checkpoint`, () => { this.#checkpointDone(); });
  }

  /** Starts the first step now; `onDone` is called when the job completes. */
  start(onDone?: (p: FineTuneProgress) => void): void {
    if (!Number.isNaN(this.#startNs)) throw new Error('FineTuneRun: already started');
    this.#onDone = onDone;
    this.#startNs = this.#engine.nowNs;
    this.#engine.schedule(this.#stepTimeNs, this.#kStep);
  }

  get progress(): FineTuneProgress {
    return {
      stepsDone: this.#stepsDone,
      checkpoints: this.#checkpoints,
      stepTimeNs: this.#stepTimeNs,
      checkpointTimeNs: this.#checkpointTimeNs,
      startNs: this.#startNs,
      finishNs: this.#finishNs,
      commFraction: this.#commFraction,
    };
  }

  #stepDone(): void {
    this.#stepsDone++;
    const every = this.#options.checkpointEverySteps;
    if (every > 0 && this.#stepsDone % every === 0) {
      this.#engine.schedule(this.#checkpointTimeNs, this.#kCheckpoint);
      return;
    }
    this.#next();
  }

  #checkpointDone(): void {
    this.#checkpoints++;
    this.#next();
  }

  #next(): void {
    if (this.#stepsDone < this.#options.totalSteps) {
      this.#engine.schedule(this.#stepTimeNs, this.#kStep);
      return;
    }
    this.#finishNs = this.#engine.nowNs;
    this.#onDone?.(this.progress);
  }
}

/** Time of one synchronous checkpoint: each GPU writes its 1 / (tp x pp) shard (ZeRO >= 1 also shards over dp). */
export function checkpointTimeNs(job: FineTuneJob, bytesPerSecPerGpu: number): number {
  const shards = job.tp * job.pp * (job.zeroStage >= 1 ? job.dp : 1);
  const bytes = (fineTuneFlops(job).trainableParams * CHECKPOINT_BYTES_PER_PARAM) / shards;
  return (bytes / bytesPerSecPerGpu) * 1e9;
}
