/**
 * One-call estimate for a deployment, the computation behind `weft model estimate`: prefill time
 * of a batch of prompts, decode time per token, KV-cache capacity, memory per GPU, whether it fits,
 * and the cost per million output tokens.
 */
import { badInput } from '../core/errors.js';
import type { CollectiveCost } from './collectives.js';
import { measuredAllReduceCollectives } from './measured-collectives.js';
import { makeDeployment } from './deployment.js';
import { type EfficiencyFactors, efficiencyFor } from './efficiency.js';
import { getGpu } from './gpu-catalog.js';
import { kvCapacity } from './kv-capacity.js';
import { getModel } from './model-catalog.js';
import type { KvCachePrecision, WeightPrecision } from './precision.js';
import { type SequenceChunk, stepCost, type StepCostOptions } from './step-cost.js';

/** Input of {@link estimate}; names are catalog keys. */
export interface EstimateInput {
  readonly model: string;
  readonly gpu: string;
  readonly tp: number;
  readonly pp?: number;
  readonly ep?: number;
  /** Prompt tokens per request. */
  readonly promptTokens: number;
  /** Requests prefilled together and then decoded together. */
  readonly batch: number;
  /** Output tokens per request. Default 128. */
  readonly outputTokens?: number;
  readonly precision?: WeightPrecision;
  readonly kvCachePrecision?: KvCachePrecision;
  readonly pricePerGpuHourUsd?: number;
  /** Token budget of one step (chunked prefill), vLLM's max_num_batched_tokens. Default 8192. */
  readonly maxBatchedTokens?: number;
  /**
   * Collective cost model. Default: {@link measuredAllReduceCollectives} of the GPU (the measured
   * NCCL all-reduce curves of DGX A100 / H100, alpha-beta for other GPU types and collectives),
   * the collectives the calibration (calibration.test.ts) is checked with.
   */
  readonly collectives?: CollectiveCost;
  readonly efficiency?: Partial<EfficiencyFactors>;
}

/** Result of {@link estimate}. Times in nanoseconds, sizes in bytes. */
export interface Estimate {
  readonly model: string;
  readonly gpu: string;
  readonly gpus: number;
  /** Time to prefill every prompt of the batch, in chunked steps of at most maxBatchedTokens. */
  readonly prefillTimeNs: number;
  readonly prefillSteps: number;
  /** One decode step of the whole batch at the mean context (prompt + output / 2). */
  readonly decodeTimePerTokenNs: number;
  /** Output tokens per second of the replica while decoding the batch. */
  readonly decodeTokensPerSec: number;
  readonly kvCacheTokens: number;
  /** Requests of prompt + output tokens that fit in the KV cache at once. */
  readonly kvCacheRequests: number;
  readonly weightBytesPerGpu: number;
  readonly workspaceBytesPerGpu: number;
  readonly kvCacheBytesPerGpu: number;
  readonly usableBytesPerGpu: number;
  readonly fits: boolean;
  readonly reason: string | undefined;
  /** GPU cost of a million output tokens at the decode rate (prefill excluded). */
  readonly usdPerMillionOutputTokens: number;
}

function positiveInteger(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw badInput(`${field} must be a positive integer`, { field, value, expected: 'a positive integer' });
  }
}

/**
 * Estimates a deployment. A configuration that does not fit is reported (`fits: false` with the
 * reason), not thrown, so a planner can compare it; bad names and flags throw.
 * @throws WeftError BAD_INPUT for unknown model or GPU names and invalid numbers.
 */
export function estimate(input: EstimateInput): Estimate {
  const model = getModel(input.model, '--model');
  const gpu = getGpu(input.gpu, { field: '--gpu', pricePerGpuHourUsd: input.pricePerGpuHourUsd });
  positiveInteger(input.promptTokens, '--prompt');
  positiveInteger(input.batch, '--batch');
  const outputTokens = input.outputTokens ?? 128;
  positiveInteger(outputTokens, '--output');
  const budget = input.maxBatchedTokens ?? 8192;
  positiveInteger(budget, 'maxBatchedTokens');
  const d = makeDeployment({
    model,
    gpu,
    tp: input.tp,
    pp: input.pp,
    ep: input.ep,
    weightPrecision: input.precision,
    kvCachePrecision: input.kvCachePrecision,
  });
  const options: StepCostOptions = {
    collectives: input.collectives ?? measuredAllReduceCollectives(gpu),
    efficiency: efficiencyFor(gpu.name, input.efficiency),
  };

  // Chunked prefill: each step takes up to `budget` tokens, finishing earlier requests first.
  const done = new Array<number>(input.batch).fill(0);
  let prefillTimeNs = 0;
  let prefillSteps = 0;
  let next = 0;
  while (next < input.batch) {
    const chunks: SequenceChunk[] = [];
    let left = budget;
    for (let i = next; i < input.batch && left > 0; i++) {
      const take = Math.min(left, input.promptTokens - done[i]!);
      chunks.push({ newTokens: take, cachedTokens: done[i]! });
      done[i]! += take;
      left -= take;
    }
    while (next < input.batch && done[next] === input.promptTokens) next++;
    prefillTimeNs += stepCost(d, chunks, options).timeNs;
    prefillSteps++;
  }

  const meanContext = input.promptTokens + Math.floor(outputTokens / 2);
  const decode = stepCost(d, Array.from({ length: input.batch }, () => ({ newTokens: 1, cachedTokens: meanContext })), options);
  const decodeTokensPerSec = input.batch / (decode.timeNs / 1e9);

  const perRequest = input.promptTokens + outputTokens;
  const capacity = kvCapacity(d, { tokensPerRequest: perRequest, maxBatchedTokens: budget, maxSequences: Math.max(input.batch, 1) });
  let fits = capacity.fits;
  let reason = capacity.reason;
  if (fits && capacity.tokens < input.batch * perRequest) {
    fits = false;
    reason = `the KV cache holds ${capacity.tokens} tokens but a batch of ${input.batch} requests of ${perRequest} tokens needs ${input.batch * perRequest}`;
  }
  const gpus = d.tp * d.pp;
  return {
    model: model.name,
    gpu: gpu.name,
    gpus,
    prefillTimeNs,
    prefillSteps,
    decodeTimePerTokenNs: decode.timeNs,
    decodeTokensPerSec,
    kvCacheTokens: capacity.tokens,
    kvCacheRequests: capacity.requests ?? 0,
    weightBytesPerGpu: capacity.weightBytesPerGpu,
    workspaceBytesPerGpu: capacity.workspaceBytesPerGpu,
    kvCacheBytesPerGpu: Math.max(0, capacity.kvCacheBytesPerGpu),
    usableBytesPerGpu: capacity.usableBytesPerGpu,
    fits,
    reason,
    usdPerMillionOutputTokens: ((gpu.pricePerGpuHourUsd * gpus) / 3600 / decodeTokensPerSec) * 1e6,
  };
}
