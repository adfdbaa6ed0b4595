import { allModels, type GpuSpec } from '../../gpu-model/index.js';
import type { ModelClassMapper } from '../mapping/model-class-rules.js';
import { polluxWork } from '../mapping/pollux-work.js';
import type { InferenceSpec, WorkloadArrival } from '../weft/records.js';
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
  /** Set for an inference workload: a serving deployment (no steps; it ends at `arrivalNs + lifetimeNs`). */
  readonly serving?: ServingShape;
}

/**
 * An inference workload as the replay runs it: `replicas` replicas of `gpusPerReplica` GPUs (one
 * pod each, tensor-parallel inside one server), placed all together, serving from placement to
 * the end of its recorded lifetime. Latency targets of 0 are not given by the trace.
 */
export interface ServingShape {
  /** gpu-model catalog key. */
  readonly model: string;
  readonly gpusPerReplica: number;
  readonly replicas: number;
  /** Demand lasts from arrival to `arrivalNs + lifetimeNs`, whenever the deployment gets its GPUs. */
  readonly lifetimeNs: number;
  readonly ttftP99Ns: number;
  readonly tpotP99Ns: number;
  /** The trace's request stream feeding it ('' = none: the replay's load). */
  readonly requestStream: string;
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
 * - inference workloads become serving deployments (`toDeployment`); jobs without GPUs are not replayed;
 * - Pollux jobs (no recorded duration) train `epochs x samplesPerEpoch / batch` steps of
 *   `batch / gpus` samples per GPU (traces/mapping/pollux-work.ts); an application whose sample
 *   count is not known is skipped with that reason;
 * - every other job's work is its recorded run time on the reference (job-runtime.ts); a job
 *   with no recorded run time is skipped.
 */
export function toReplayJob(arrival: WorkloadArrival, index: number, conversion: JobConversion): Converted {
  const spec = arrival.spec;
  if (spec.kind !== 'training') return toDeployment(arrival, spec, index);
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

/**
 * An inference workload as a serving deployment: its model must be in the gpu-model catalog,
 * its GPUs per replica (the tensor-parallel degree) must divide the model's attention heads,
 * and it needs a recorded lifetime (how long the service ran); otherwise it is skipped with
 * that reason.
 */
function toDeployment(arrival: WorkloadArrival, spec: InferenceSpec, index: number): Converted {
  const m = allModels().find((c) => c.name === spec.model.trim().toLowerCase());
  if (m === undefined) return { skip: `inference workload of a model not in the gpu-model catalog ("${spec.model}")` };
  const heads = m.attention.heads;
  const model = m.name;
  if (!(spec.gpusPerReplica >= 1) || !(spec.replicas >= 1)) return { skip: 'inference workload without GPUs or replicas' };
  if (heads % spec.gpusPerReplica !== 0) return { skip: `inference workload whose GPUs per replica do not divide ${model}'s ${heads} attention heads` };
  const lifetimeNs = arrival.recorded?.runNs;
  if (lifetimeNs === undefined || !(lifetimeNs > 0)) return { skip: 'inference workload without a recorded lifetime' };
  const serving: ServingShape = {
    model, gpusPerReplica: spec.gpusPerReplica, replicas: spec.replicas, lifetimeNs,
    ttftP99Ns: spec.ttftP99Ms * 1e6, tpotP99Ns: spec.tpotP99Ms * 1e6, requestStream: spec.requestStream,
  };
  return {
    job: {
      index, id: arrival.id, arrivalNs: arrival.arrivalNs, gpus: spec.gpusPerReplica * spec.replicas, priority: arrival.priority,
      modelClass: `serve:${model}`, steps: 0, shape: { gradientBytes: 0, flopsPerGpu: 0 }, serving,
    },
  };
}
