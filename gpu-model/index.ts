/**
 * gpu-model: the GPU node as hardware and the compute cost of LLM inference and fine-tuning.
 *
 * - Catalogs: {@link getGpu} (dense bf16/fp8 FLOP/s, HBM, NVLink, PCIe, price; cited sources) and
 *   {@link getModel} (shapes from published configs; parameter counts derived by {@link paramCounts}).
 * - Inference: {@link makeDeployment} (tp, pp, ep, precision), {@link stepCost} for a step mixing
 *   prefill chunks and decode tokens, {@link kvCapacity} / {@link requireFits}, and
 *   {@link estimate} for a one-call summary.
 * - Network: only through {@link CollectiveCost}; {@link nvlinkAlphaBetaCollectives} is the
 *   closed-form model inside one server, {@link measuredAllReduceCollectives} the calibrated one
 *   (measured NCCL all-reduce curves of DGX A100 / H100; the default of {@link estimate}).
 * - Fine-tuning: {@link makeFineTuneJob}, {@link fineTuneFlops}, {@link fineTuneMemoryPerGpu},
 *   {@link fineTuneCollectives}, {@link fineTuneStepTime}.
 */
export { allGpus, catalogGpuFor, getGpu, gpuNames, peakFlopsPerSec, withPrice, type GpuSources, type GpuSpec } from './gpu-catalog.js';
export {
  allModels,
  getModel,
  isMoeLayer,
  modelNames,
  type Attention,
  type DenseFfn,
  type Ffn,
  type GqaAttention,
  type MlaAttention,
  type ModelSpec,
  type MoeFfn,
} from './model-catalog.js';
export { kvCacheElementsPerTokenPerLayer, paramCounts, type ParamCounts } from './model-params.js';
export {
  computePrecision,
  kvBytesPerElement,
  parseWeightPrecision,
  weightBytesPerParam,
  WEIGHT_PRECISIONS,
  type KvCachePrecision,
  type WeightPrecision,
} from './precision.js';
export { nvlinkAlphaBetaCollectives, type AlphaBetaOptions, type CollectiveCost } from './collectives.js';
export { ALLREDUCE_CURVES, type AllReduceCurve, type AllReducePoint } from './allreduce-curves.js';
export { checkAllReduceCurve, curveTimeNs, measuredAllReduceCollectives } from './measured-collectives.js';
export { gpusPerReplica, makeDeployment, stageLayers, stageWeightBytesPerGpu, type Deployment, type DeploymentInput } from './deployment.js';
export { DEFAULT_EFFICIENCY, efficiencyFor, type EfficiencyFactors } from './efficiency.js';
export {
  kvBytesPerTokenPerLayerPerGpu,
  stepCost,
  type SequenceChunk,
  type StageCost,
  type StepCost,
  type StepCostOptions,
} from './step-cost.js';
export { StepTimer } from './step-timer.js';
export { activationWorkspaceBytes, kvCapacity, requireFits, type KvCapacity, type KvCapacityOptions } from './kv-capacity.js';
export { estimate, type Estimate, type EstimateInput } from './estimate.js';
export { LLAMA2_70B_PREFILL, LLAMA2_7B_PREFILL, LLAMA3_70B_DECODE, type DecodeMeasurement, type PrefillMeasurement } from './calibration-data.js';
export { SPLITWISE_LLAMA2_70B_DECODE, SPLITWISE_LLAMA2_70B_PREFILL, type DecodeStepMeasurement } from './calibration-data-splitwise.js';
export { makeFineTuneJob, microBatchesPerStep, type FineTuneJob, type FineTuneJobInput, type LoraTargets } from './finetune-job.js';
export { attentionForwardFlopsPerToken, fineTuneFlops, loraParams, matmulParamsPerToken, type FineTuneFlops } from './finetune-flops.js';
export { activationElementsPerTokenPerLayer, fineTuneMemoryPerGpu, type FineTuneMemory } from './finetune-memory.js';
export { collectiveTimeNs, fineTuneCollectives, fineTuneStepTime, type FineTuneStepTime, type StepCollective } from './finetune-step.js';
export { gpuRows, modelRows, type GpuRow, type ModelRow } from './catalog-rows.js';
