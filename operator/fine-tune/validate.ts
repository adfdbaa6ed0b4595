import { modelNames, type WeightPrecision } from '../../gpu-model/index.js';
import type { FineTuneJob } from '../kube/objects.js';
import type { PodDemand } from '../placement.js';
import { cpuMilli, memoryMiB } from '../quantity.js';

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

export interface InvalidFineTuneJob {
  kind: 'invalid';
  reason: string;
  message: string;
}

/**
 * Checks what the CRD schema cannot: the base model is in the catalog, the GPU range is
 * ordered, the deadline is a date, quantities parse.
 */
export function validateFineTuneJob(job: FineTuneJob): ValidFineTuneJob | InvalidFineTuneJob {
  const spec = job.spec;
  const models = modelNames();
  if (!models.includes(spec.baseModel)) {
    return invalid('UnknownModel', `spec.baseModel: unknown model ${JSON.stringify(spec.baseModel)} (expected one of: ${models.join(', ')})`);
  }
  if (spec.minGpus > spec.maxGpus) return invalid('InvalidGpus', `spec.minGpus: ${spec.minGpus} is above spec.maxGpus ${spec.maxGpus} (expected minGpus <= maxGpus)`);
  if (spec.gpusPerWorker !== undefined && spec.gpusPerWorker > spec.maxGpus) {
    return invalid('InvalidGpus', `spec.gpusPerWorker: ${spec.gpusPerWorker} is above spec.maxGpus ${spec.maxGpus}`);
  }
  let deadlineMs: number | undefined;
  if (spec.deadline !== undefined) {
    deadlineMs = Date.parse(spec.deadline);
    if (Number.isNaN(deadlineMs)) return invalid('InvalidDeadline', `spec.deadline: ${JSON.stringify(spec.deadline)} is not an RFC 3339 date-time`);
  }
  const requests = spec.template.resources?.requests ?? {};
  let demand: ValidFineTuneJob['demand'];
  try {
    demand = {
      cpuMilli: cpuMilli(requests.cpu, 'spec.template.resources.requests.cpu'),
      memoryMiB: memoryMiB(requests.memory, 'spec.template.resources.requests.memory'),
      ...(spec.gpuType === undefined || spec.gpuType === '' ? {} : { gpuType: spec.gpuType }),
      priority: spec.priority ?? 0,
    };
  } catch (error) {
    return invalid('InvalidResources', error instanceof Error ? error.message : String(error));
  }
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

function invalid(reason: string, message: string): InvalidFineTuneJob {
  return { kind: 'invalid', reason, message };
}
