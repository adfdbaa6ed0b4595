import { badInput } from '../../core/errors.js';
import { checkpointTimeNs, fabricCollectives } from '../../fabric-sim/training/index.js';
import {
  type CollectiveCost,
  collectiveTimeNs,
  efficiencyFor,
  fineTuneCollectives,
  fineTuneMemoryPerGpu,
  fineTuneStepTime,
  nvlinkAlphaBetaCollectives,
  getGpu,
  getModel,
  makeFineTuneJob,
  type EfficiencyFactors,
  type FineTuneJob,
  type GpuSpec,
  type WeightPrecision,
} from '../../gpu-model/index.js';

/** Input of {@link planFineTune}. */
export interface FineTunePlanInput {
  readonly model: string;
  readonly method: 'full' | 'lora';
  /** Training tokens to process. */
  readonly tokens: number;
  readonly minGpus: number;
  readonly maxGpus: number;
  /** The job must finish within this, ns. */
  readonly deadlineNs: number;
  readonly gpu: string;
  /** Sequence length, tokens. Default 4096. */
  readonly seqLen?: number;
  /** Sequences per optimizer step. Default 256. */
  readonly globalBatchSeqs?: number;
  /** Frozen base weights under LoRA (int4 = QLoRA). Default bf16. */
  readonly baseWeightPrecision?: WeightPrecision;
  /** GPUs per server (the NVLink domain). Default the GPU's NVLink domain size. */
  readonly gpusPerServer?: number;
  /** Fabric seen by the data-parallel collectives. Defaults: 400 Gb/s NIC per GPU, 32 GPUs per leaf, 1:1. */
  readonly nicGbps?: number;
  readonly gpusPerLeaf?: number;
  readonly oversubscription?: number;
  /** Checkpoint every this many steps (0 never) at this write bandwidth per GPU. Defaults 500 steps, 2 GB/s. */
  readonly checkpointEverySteps?: number;
  readonly checkpointBytesPerSecPerGpu?: number;
  /** Usable fraction of HBM. Default 0.9. */
  readonly memoryUtilization?: number;
}

/** One parallel layout with its predicted time and cost. */
export interface FineTuneCandidate {
  readonly gpus: number;
  readonly dp: number;
  readonly tp: number;
  readonly pp: number;
  readonly zeroStage: 0 | 1 | 2 | 3;
  readonly recompute: boolean;
  readonly microBatchSeqs: number;
  readonly memoryBytesPerGpu: number;
  readonly stepTimeNs: number;
  /** Share of a step spent in collectives. */
  readonly commFraction: number;
  readonly mfu: number;
  readonly steps: number;
  /** Steps plus synchronous checkpoints. */
  readonly completionNs: number;
  readonly gpuHours: number;
  readonly usd: number;
  readonly meetsDeadline: boolean;
}

export interface FineTunePlan {
  /** The cheapest layout meeting the deadline; undefined when none does. */
  readonly chosen: FineTuneCandidate | undefined;
  /** Fastest layout per GPU count, cheapest meeting the deadline first. */
  readonly candidates: readonly FineTuneCandidate[];
  /** Layouts that fit memory and were timed. */
  readonly evaluated: number;
  /** Layouts rejected for memory. */
  readonly rejectedForMemory: number;
}

const POWERS = [1, 2, 4, 8] as const;

/** A collective cost of zero, to take the compute part of gpu-model's step time alone. */
const NO_NETWORK: CollectiveCost = { allReduceTimeNs: () => 0, allGatherTimeNs: () => 0, reduceScatterTimeNs: () => 0, allToAllTimeNs: () => 0, sendRecvTimeNs: () => 0 };

/**
 * gpu-model's step time (compute stretched by the pipeline bubble, plus every collective without
 * overlap), with each collective costed over the links its group really spans: tensor and
 * pipeline groups over NVLink, data-parallel groups over `dp`.
 */
function stepTime(job: FineTuneJob, gpu: GpuSpec, efficiency: EfficiencyFactors, nvlink: CollectiveCost, dp: CollectiveCost): { timeNs: number; commTimeNs: number; mfu: number } {
  const compute = fineTuneStepTime(job, gpu, NO_NETWORK, efficiency);
  const commTimeNs = fineTuneCollectives(job).reduce((sum, c) => sum + c.count * collectiveTimeNs(c, c.group === 'dp' ? dp : nvlink), 0);
  const timeNs = compute.computeTimeNs + commTimeNs;
  return { timeNs, commTimeNs, mfu: (compute.mfu * compute.timeNs) / timeNs };
}

/**
 * The collective cost a data-parallel group sees. Ranks are laid out tensor-parallel fastest,
 * then pipeline, then data parallel (Megatron's order), so tensor and pipeline groups sit inside
 * one server and a data-parallel group has perServer / (tp x pp) members per server: its
 * collectives use NVLink inside a server and the NICs (and, past a leaf, the oversubscribed
 * uplinks) across servers.
 */
export function dataParallelCollectiveCost(input: FineTunePlanInput, tp: number, pp: number): CollectiveCost {
  const gpu = getGpu(input.gpu, { field: '--gpu' });
  const perServer = input.gpusPerServer ?? Math.max(1, gpu.nvlinkDomainSize);
  const membersPerServer = Math.max(1, Math.floor(perServer / (tp * pp)));
  return fabricCollectives({
    gpu,
    gpusPerServer: membersPerServer,
    nicGbps: input.nicGbps ?? 400,
    gpusPerLeaf: Math.max(1, Math.floor(((input.gpusPerLeaf ?? 32) / perServer) * membersPerServer)),
    oversubscription: input.oversubscription ?? 1,
  });
}

/** The job a candidate layout runs (the same the planner timed). */
export function fineTuneJobOf(input: FineTunePlanInput, c: FineTuneCandidate): FineTuneJob {
  return makeFineTuneJob({
    model: getModel(input.model, 'model'),
    method: input.method,
    seqLen: input.seqLen ?? 4096,
    globalBatchSeqs: input.globalBatchSeqs ?? 256,
    microBatchSeqs: c.microBatchSeqs,
    dp: c.dp,
    tp: c.tp,
    pp: c.pp,
    zeroStage: c.zeroStage,
    recompute: c.recompute,
    baseWeightPrecision: input.baseWeightPrecision,
  });
}

/**
 * Plans a fine-tuning job: over GPU counts in [minGpus, maxGpus] (whole servers, or powers of
 * two below one server) and every data/tensor/pipeline split, ZeRO stage, recomputation and
 * micro-batch size, keeps the layouts that fit memory, times each step with gpu-model's cost
 * model and the fabric's collective costs (NVLink inside a server, the NICs and the leaf
 * oversubscription across servers), adds synchronous checkpoints, and picks the cheapest in
 * GPU-hours that meets the deadline. Tensor and pipeline groups stay inside one server.
 *
 * @example
 * planFineTune({ model: 'llama-3-70b', method: 'lora', tokens: 2e9, minGpus: 8, maxGpus: 64, deadlineNs: 12 * 3600e9, gpu: 'h100-sxm' });
 * @throws WeftError BAD_INPUT for an unknown model or GPU, or an empty GPU range.
 */
export function planFineTune(input: FineTunePlanInput): FineTunePlan {
  const model = getModel(input.model, 'model');
  const gpu = getGpu(input.gpu, { field: '--gpu' });
  const seqLen = input.seqLen ?? 4096;
  const globalBatch = input.globalBatchSeqs ?? 256;
  const perServer = input.gpusPerServer ?? Math.max(1, gpu.nvlinkDomainSize);
  if (!(input.tokens > 0)) throw badInput('training tokens must be positive', { field: '--tokens', value: input.tokens, expected: 'a number of tokens > 0, for example 2B' });
  if (!(input.deadlineNs > 0)) throw badInput('deadline must be positive', { field: '--deadline', value: input.deadlineNs, expected: 'a duration > 0' });
  if (!Number.isInteger(input.minGpus) || !Number.isInteger(input.maxGpus) || input.minGpus < 1 || input.maxGpus < input.minGpus) {
    throw badInput('bad GPU range', { field: '--gpus', value: `${input.minGpus}..${input.maxGpus}`, expected: 'min..max with 1 <= min <= max' });
  }
  const counts: number[] = [];
  for (let n = 1; n <= input.maxGpus; n = n < perServer ? n * 2 : n + perServer) if (n >= input.minGpus) counts.push(n);
  if (counts.length === 0) {
    throw badInput('no GPU count in range', { field: '--gpus', value: `${input.minGpus}..${input.maxGpus}`, expected: `a range holding a power of two below ${perServer} or a multiple of ${perServer}` });
  }
  const nvlink = nvlinkAlphaBetaCollectives(gpu);
  const dpCollectives = (tp: number, pp: number): CollectiveCost => dataParallelCollectiveCost(input, tp, pp);
  const efficiency = efficiencyFor(gpu.name);
  const usable = gpu.hbmBytes * (input.memoryUtilization ?? 0.9);
  const steps = Math.ceil(input.tokens / (globalBatch * seqLen));
  const checkpointEvery = input.checkpointEverySteps ?? 500;
  const checkpointBandwidth = input.checkpointBytesPerSecPerGpu ?? 2e9;

  const best = new Map<number, FineTuneCandidate>();
  let evaluated = 0;
  let rejectedForMemory = 0;
  for (const gpus of counts) {
    for (const tp of POWERS) {
      for (const pp of POWERS) {
        if (tp * pp > perServer || gpus % (tp * pp) !== 0 || tp > gpus) continue;
        const dp = gpus / (tp * pp);
        for (const zeroStage of [0, 1, 2, 3] as const) {
          if (zeroStage > 0 && dp === 1) continue;
          for (const recompute of [false, true]) {
            for (const micro of [1, 2, 4]) {
              if (globalBatch % (dp * micro) !== 0) continue;
              let job: FineTuneJob;
              try {
                job = makeFineTuneJob({ model, method: input.method, seqLen, globalBatchSeqs: globalBatch, microBatchSeqs: micro, dp, tp, pp, zeroStage, recompute, baseWeightPrecision: input.baseWeightPrecision });
              } catch {
                continue; // tp does not divide the heads, pp exceeds the layers: not a layout
              }
              const memory = fineTuneMemoryPerGpu(job).totalBytes;
              if (memory > usable) {
                rejectedForMemory++;
                continue;
              }
              evaluated++;
              const step = stepTime(job, gpu, efficiency, nvlink, dpCollectives(tp, pp));
              const checkpoints = checkpointEvery > 0 ? Math.floor(steps / checkpointEvery) : 0;
              const completionNs = steps * step.timeNs + checkpoints * checkpointTimeNs(job, checkpointBandwidth);
              const gpuHours = (gpus * completionNs) / 3600e9;
              const candidate: FineTuneCandidate = {
                gpus,
                dp,
                tp,
                pp,
                zeroStage,
                recompute,
                microBatchSeqs: micro,
                memoryBytesPerGpu: memory,
                stepTimeNs: step.timeNs,
                commFraction: step.commTimeNs / step.timeNs,
                mfu: step.mfu,
                steps,
                completionNs,
                gpuHours,
                usd: gpuHours * gpu.pricePerGpuHourUsd,
                meetsDeadline: completionNs <= input.deadlineNs,
              };
              const current = best.get(gpus);
              if (current === undefined || candidate.completionNs < current.completionNs) best.set(gpus, candidate);
            }
          }
        }
      }
    }
  }
  const candidates = [...best.values()].sort((a, b) => {
    if (a.meetsDeadline !== b.meetsDeadline) return a.meetsDeadline ? -1 : 1;
    return a.meetsDeadline ? a.usd - b.usd || a.gpus - b.gpus : a.completionNs - b.completionNs;
  });
  return { chosen: candidates[0]?.meetsDeadline === true ? candidates[0] : undefined, candidates, evaluated, rejectedForMemory };
}
