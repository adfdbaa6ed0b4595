import type { GpuSpec } from '../../gpu-model/index.js';
import type { ModelClassMapper } from '../mapping/model-class-rules.js';
import { polluxWork } from '../mapping/pollux-work.js';
import type { WorkloadArrival } from '../weft/records.js';
import { stepsFromRecorded, type ReplayFabric, type StepShape } from './job-runtime.js';
import { stepWorkOf } from './step-work.js';

/** A job as the replay runs it: size, priority and its work in steps of a known shape. */
export interface ReplayJob {
  /** Position in arrival order (unique; pod names derive from it). */
  readonly index: number;
  readonly id: string;
  readonly arrivalNs: number;
  readonly gpus: number;
  readonly priority: number;
  readonly modelClass: string;
  /** Steps of work (fractional: recorded run time over the reference step time). */
  readonly steps: number;
  readonly shape: StepShape;
}

/** What the conversion needs besides the arrival. */
export interface JobConversion {
  readonly mapper: ModelClassMapper;
  /** The trace's source format (pollux jobs get their work from their application). */
  readonly source: string;
  readonly referenceGpu: GpuSpec;
  readonly fabric: ReplayFabric;
  readonly gpusPerServer: number;
}

/** A replayable job, or the reason a row is not replayed (counted in the report, never dropped silently). */
export type Converted = { readonly job: ReplayJob } | { readonly skip: string };

/**
 * Turns a trace arrival into a replay job:
 * - inference workloads and jobs without GPUs are not replayed (the job replay places training);
 * - Pollux jobs (no recorded duration) train `epochs x samplesPerEpoch / batch` steps of
 *   `batch / gpus` samples per GPU (traces/mapping/pollux-work.ts); an application whose sample
 *   count is not known is skipped with that reason;
 * - every other job's work is its recorded run time on the reference (job-runtime.ts); a job
 *   with no recorded run time is skipped.
 */
export function toReplayJob(arrival: WorkloadArrival, index: number, conversion: JobConversion): Converted {
  const spec = arrival.spec;
  if (spec.kind !== 'training') return { skip: 'inference workload (the job replay runs training jobs)' };
  if (spec.gpus === 0) return { skip: 'no GPUs (CPU job)' };
  const modelClass = conversion.mapper.modelClass(spec.modelClass);
  if (modelClass === undefined) return { skip: `unknown model class "${spec.modelClass}"` };
  const work = stepWorkOf(modelClass);
  const gradientBytes = modelClass.trains ? modelClass.params * modelClass.gradientBytesPerParam : 0;
  const base = { index, id: arrival.id, arrivalNs: arrival.arrivalNs, gpus: spec.gpus, priority: arrival.priority, modelClass: modelClass.name };
  if (conversion.source === 'pollux') {
    const pollux = polluxWork(spec.application);
    if (pollux?.samplesPerEpoch === undefined) return { skip: `no work known for pollux application "${spec.application}"` };
    if (!(spec.batchSize > 0)) return { skip: 'pollux job without a batch size' };
    const shape = { gradientBytes, flopsPerGpu: work.trainFlopsPerSample * (spec.batchSize / spec.gpus) };
    return { job: { ...base, steps: (pollux.epochs * pollux.samplesPerEpoch) / spec.batchSize, shape } };
  }
  const runNs = arrival.recorded?.runNs;
  if (runNs === undefined) return { skip: 'no recorded run time' };
  const shape = { gradientBytes, flopsPerGpu: work.trainFlopsPerSample * work.samplesPerGpu };
  const steps = stepsFromRecorded(runNs, shape, conversion.referenceGpu, conversion.fabric, conversion.gpusPerServer, spec.gpus);
  return { job: { ...base, steps, shape } };
}
