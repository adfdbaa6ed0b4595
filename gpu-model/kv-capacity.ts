/**
 * Memory of a serving replica per GPU and the KV-cache capacity left after weights and the
 * activation workspace, in the way vLLM sizes its cache: a fraction of HBM is usable
 * (gpu_memory_utilization, default 0.9), weights and the peak activation workspace of the
 * largest step come off it, and the rest holds KV blocks.
 */
import { badInput } from '../core/errors.js';
import { type Deployment, stageLayerKinds, stageWeightBytesPerGpu } from './deployment.js';
import { kvBytesPerTokenPerLayerPerGpu } from './step-cost.js';

/** Options of {@link kvCapacity}. */
export interface KvCapacityOptions {
  /** Usable fraction of device memory (vLLM's gpu_memory_utilization). Default 0.9. */
  readonly memoryUtilization?: number;
  /** Largest number of tokens in one step (vLLM's max_num_batched_tokens). Default 8192. */
  readonly maxBatchedTokens?: number;
  /** Largest number of sequences in one step (vLLM's max_num_seqs). Default 256. */
  readonly maxSequences?: number;
  /** Tokens per request (prompt + output), to express capacity in requests. Optional. */
  readonly tokensPerRequest?: number;
}

/** Memory and KV-cache capacity of the tightest GPU of a replica. */
export interface KvCapacity {
  /** Usable bytes of one GPU (HBM x utilization). */
  readonly usableBytesPerGpu: number;
  /** Weight bytes on the most loaded GPU. */
  readonly weightBytesPerGpu: number;
  /** Activation workspace reserved per GPU. */
  readonly workspaceBytesPerGpu: number;
  /** Bytes left for the KV cache on the tightest GPU (negative when it does not fit). */
  readonly kvCacheBytesPerGpu: number;
  /** KV bytes of one token on the tightest GPU (its stage's layers). */
  readonly kvBytesPerToken: number;
  /** Tokens the replica can hold in its KV cache (0 when it does not fit). */
  readonly tokens: number;
  /** Requests of `tokensPerRequest` tokens that fit at once, when given. */
  readonly requests: number | undefined;
  readonly fits: boolean;
  /** Why it does not fit; undefined when it fits. */
  readonly reason: string | undefined;
}

const GIB = 2 ** 30;

/**
 * Peak activation workspace of one GPU: the widest intermediate of the largest step (gate and up
 * projections of the MLP, or the routed tokens' expert inputs, in bf16), a few hidden-sized
 * buffers (residual, norm output, attention output, all-reduce buffer), and fp32 logits of the
 * sampled tokens. This approximates the peak vLLM measures in its profiling run.
 */
export function activationWorkspaceBytes(d: Deployment, maxBatchedTokens: number, maxSequences: number): number {
  const ffn = d.model.ffn;
  const widest =
    ffn.kind === 'dense'
      ? (2 * ffn.intermediate) / d.tp
      : Math.max((2 * ffn.denseIntermediate) / d.tp, (2 * ffn.expertIntermediate * ffn.topK) / (d.ep > 1 ? 1 : d.tp));
  const perToken = (widest + 4 * d.model.hidden) * 2;
  const logits = (maxSequences * d.model.vocab * 4) / d.tp;
  return maxBatchedTokens * perToken + logits;
}

/** Memory per GPU and KV-cache capacity of replica `d`. Never throws for a config that does not fit: see `fits`. */
export function kvCapacity(d: Deployment, options: KvCapacityOptions = {}): KvCapacity {
  const utilization = options.memoryUtilization ?? 0.9;
  if (!(utilization > 0 && utilization <= 1)) {
    throw badInput('memory utilization out of range', { field: 'memoryUtilization', value: utilization, expected: 'a number in (0, 1]' });
  }
  const usable = d.gpu.hbmBytes * utilization;
  const workspace = activationWorkspaceBytes(d, options.maxBatchedTokens ?? 8192, options.maxSequences ?? 256);
  const kvPerTokPerLayer = kvBytesPerTokenPerLayerPerGpu(d);
  let tokens = Infinity;
  let worst = { weights: 0, kvBytes: Infinity, kvPerToken: 0 };
  for (let s = 0; s < d.pp; s++) {
    const weights = stageWeightBytesPerGpu(d, s);
    const kinds = stageLayerKinds(d, s);
    const kvPerToken = (kinds.dense + kinds.moe) * kvPerTokPerLayer;
    const kvBytes = usable - weights - workspace;
    const stageTokens = kvBytes > 0 ? Math.floor(kvBytes / kvPerToken) : 0;
    if (stageTokens < tokens || (stageTokens === tokens && kvBytes < worst.kvBytes)) {
      tokens = stageTokens;
      worst = { weights, kvBytes, kvPerToken };
    }
  }
  const fits = worst.kvBytes > 0 && tokens > 0;
  let reason: string | undefined;
  if (!fits) {
    reason =
      `${d.model.name} on ${d.tp * d.pp} x ${d.gpu.name} (tp=${d.tp}, pp=${d.pp}, ${d.weightPrecision}): ` +
      `weights ${(worst.weights / GIB).toFixed(1)} GiB + activation workspace ${(workspace / GIB).toFixed(1)} GiB ` +
      `exceed the usable ${(usable / GIB).toFixed(1)} GiB per GPU, leaving no room for the KV cache`;
  }
  const perRequest = options.tokensPerRequest;
  return {
    usableBytesPerGpu: usable,
    weightBytesPerGpu: worst.weights,
    workspaceBytesPerGpu: workspace,
    kvCacheBytesPerGpu: worst.kvBytes,
    kvBytesPerToken: worst.kvPerToken,
    tokens: fits ? tokens : 0,
    requests: perRequest === undefined ? undefined : fits ? Math.floor(tokens / perRequest) : 0,
    fits,
    reason,
  };
}

/**
 * Like {@link kvCapacity}, but rejects a configuration that does not fit.
 * @throws WeftError BAD_INPUT with the reason (weights and workspace against usable memory).
 */
export function requireFits(d: Deployment, options: KvCapacityOptions = {}): KvCapacity {
  const capacity = kvCapacity(d, options);
  if (!capacity.fits) {
    throw badInput(capacity.reason ?? 'configuration does not fit in memory', {
      field: 'gpu',
      value: `${d.gpu.name} x ${d.tp * d.pp}`,
      expected: 'more GPUs (tp/pp), a larger GPU or a lower weight precision',
    });
  }
  if (options.tokensPerRequest !== undefined && capacity.tokens < options.tokensPerRequest) {
    throw badInput(`the KV cache holds ${capacity.tokens} tokens, fewer than one request of ${options.tokensPerRequest}`, {
      field: 'prompt',
      value: options.tokensPerRequest,
      expected: `at most ${capacity.tokens} tokens per request`,
    });
  }
  return capacity;
}
