import type { WeightPrecision } from '../../gpu-model/index.js';
import type { FineTuneJob } from '../kube/objects.js';
import type { PodDemand } from '../placement.js';
import { invalid, podDemandOf, unknownModel, type InvalidSpec } from '../validate-spec.js';

/** A FineTuneJob the operator can plan. */
export interface ValidFineTuneJob {
  kind: 'valid';
  method: 'full' | 'lora';
  /** int4 for QLoRA; bf16 otherwise. */
  baseWeightPrecision: WeightPrecision;
  tokens: number;
  minGpus: number;
  maxGpus: number;
  gpusPerWorker: number | undefined;
  /** ms since the epoch, or undefined without a deadline. */
  deadlineMs: number | undefined;
  /** Per-worker demand without the GPUs. */
  demand: Omit<PodDemand, 'gpus'>;
  checkpointIntervalSec: number;
}

/** Why it cannot be acted on (see `InvalidSpec`). */
export type InvalidFineTuneJob = InvalidSpec;

/**
 * Checks what the CRD schema cannot: the base model is in the catalog, the GPU range is
 * ordered, the deadline is a date, quantities parse.
 */
export function validateFineTuneJob(job: FineTuneJob): ValidFineTuneJob | InvalidFineTuneJob {
  const spec = job.spec;
  const unknown = unknownModel('spec.baseModel', spec.baseModel);
  if (unknown !== undefined) return unknown;
  if (spec.minGpus > spec.maxGpus) return invalid('InvalidGpus', `spec.minGpus: ${spec.minGpus} is above spec.maxGpus ${spec.maxGpus} (expected minGpus <= maxGpus)`);
  if (spec.gpusPerWorker !== undefined && spec.gpusPerWorker > spec.maxGpus) {
    return invalid('InvalidGpus', `spec.gpusPerWorker: ${spec.gpusPerWorker} is above spec.maxGpus ${spec.maxGpus}`);
  }
  let deadlineMs: number | undefined;
  if (spec.deadline !== undefined) {
    deadlineMs = Date.parse(spec.deadline);
    if (Number.isNaN(deadlineMs)) return invalid('InvalidDeadline', `spec.deadline: ${JSON.stringify(spec.deadline)} is not an RFC 3339 date-time`);
  }
  const demand = podDemandOf(spec);
  if ('kind' in demand) return demand;
  return {
    kind: 'valid',
    method: spec.method === 'full' ? 'full' : 'lora',
    baseWeightPrecision: spec.method === 'qlora' ? 'int4' : 'bf16',
    tokens: spec.datasetTokens * (spec.epochs ?? 1),
    minGpus: spec.minGpus,
    maxGpus: spec.maxGpus,
    gpusPerWorker: spec.gpusPerWorker,
    deadlineMs,
    demand,
    checkpointIntervalSec: spec.checkpoint?.intervalSeconds ?? 600,
  };
}
