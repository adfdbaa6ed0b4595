/**
 * Memory per GPU of a fine-tuning job.
 *
 * Model states follow the ZeRO paper (Rajbhandari et al. 2020, "ZeRO: Memory Optimizations
 * Toward Training Trillion Parameter Models", section 3.1 and Figure 1): mixed-precision Adam
 * keeps 2 bytes of bf16 weights, 2 of bf16 gradients and K = 12 of optimizer state (fp32 master
 * weights, momentum, variance) per trainable parameter. Tensor and pipeline parallelism split the
 * model tp x pp ways; ZeRO stage 1 shards the optimizer states over dp, stage 2 the gradients too,
 * stage 3 the weights as well. Under LoRA only the adapters are trainable; the frozen base sits in
 * its own precision (int4 for QLoRA) and is sharded over dp only at stage 3.
 *
 * Activations follow the accounting of Korthikanti et al. 2022, "Reducing Activation
 * Recomputation in Large Transformer Models" (section 4): bytes stored per token per layer for
 * the backward pass, divided by tp with sequence parallelism; with the 1F1B pipeline schedule the
 * first stage holds min(pp, micro-batches) micro-batches of its L/pp layers. Tensors are
 * re-derived for SwiGLU, GQA/MLA and MoE (see {@link activationElementsPerTokenPerLayer});
 * FlashAttention stores no attention matrix; no dropout. Full recomputation keeps only each
 * layer's input plus one layer's activations while it is recomputed.
 */
import type { FineTuneJob } from './finetune-job.js';
import { microBatchesPerStep } from './finetune-job.js';
import { fineTuneFlops } from './finetune-flops.js';
import type { ModelSpec } from './model-catalog.js';
import { attentionOutputDim, paramCounts, queryDim } from './model-params.js';
import { weightBytesPerParam } from './precision.js';

/**
 * Elements saved for backward per token in one layer (bf16 unless noted), averaged over the
 * model's layers for MoE models with leading dense layers:
 * - norms: the input of each of the two RMSNorms and their outputs (4h);
 * - attention: q, k and v (and MLA's normalized latents), the attention output feeding the output
 *   projection, and FlashAttention's log-sum-exp (fp32, one per head = 2 bf16 elements);
 * - gated MLP of width f: gate and up outputs, SiLU(gate) and the product feeding down (4f);
 *   MoE: that for each of the top-k routed and the shared experts, the k dispatched copies of the
 *   input, and fp32 router logits.
 */
export function activationElementsPerTokenPerLayer(model: ModelSpec): number {
  const h = model.hidden;
  const a = model.attention;
  let attention: number;
  if (a.kind === 'gqa') {
    attention = queryDim(a) + 2 * a.kvHeads * a.headDim + attentionOutputDim(a) + 2 * a.heads;
  } else {
    const latents = 2 * (a.qLoraRank + a.kvLoraRank + a.qkRopeHeadDim);
    attention = latents + 2 * queryDim(a) + a.heads * a.vHeadDim + attentionOutputDim(a) + 2 * a.heads;
  }
  const ffn = model.ffn;
  let mlp: number;
  if (ffn.kind === 'dense') {
    mlp = 4 * ffn.intermediate;
  } else {
    const moeLayer = (ffn.topK + ffn.sharedExperts) * 4 * ffn.expertIntermediate + ffn.topK * h + 2 * ffn.experts;
    const denseLayer = 4 * ffn.denseIntermediate;
    mlp = (ffn.firstDenseLayers * denseLayer + (model.layers - ffn.firstDenseLayers) * moeLayer) / model.layers;
  }
  return 4 * h + attention + mlp;
}

/** Bytes per GPU of a fine-tuning job, on the most loaded GPU (the first pipeline stage). */
export interface FineTuneMemory {
  readonly weightsBytes: number;
  readonly gradientsBytes: number;
  readonly optimizerBytes: number;
  readonly activationsBytes: number;
  /** fp32 logits of one micro-batch for the loss (last stage; counted conservatively). */
  readonly logitsBytes: number;
  readonly totalBytes: number;
}

/** Memory per GPU of `job` (see the file comment for the sources of each term). */
export function fineTuneMemoryPerGpu(job: FineTuneJob): FineTuneMemory {
  const modelParallel = job.tp * job.pp;
  const zero = job.zeroStage;
  const dp = job.dp;
  const total = paramCounts(job.model).total;
  const trainable = fineTuneFlops(job).trainableParams / modelParallel;
  const shard = (bytes: number, fromStage: number): number => (zero >= fromStage ? bytes / dp : bytes);

  let weightsBytes = shard(2 * trainable, 3);
  if (job.method === 'lora') weightsBytes += shard((total / modelParallel) * weightBytesPerParam(job.baseWeightPrecision), 3);
  const gradientsBytes = shard(2 * trainable, 2);
  const optimizerBytes = shard(12 * trainable, 1);

  const h = job.model.hidden;
  const tokens = job.microBatchSeqs * job.seqLen;
  const layersPerStage = job.model.layers / job.pp;
  const inFlight = Math.min(job.pp, microBatchesPerStep(job));
  const perLayerFull = (activationElementsPerTokenPerLayer(job.model) * 2 * tokens) / job.tp;
  const perLayerKept = job.recompute ? (h * 2 * tokens) / job.tp : perLayerFull;
  const activationsBytes = layersPerStage * inFlight * perLayerKept + (job.recompute ? perLayerFull : 0);
  const logitsBytes = (tokens * job.model.vocab * 4) / job.tp;
  return {
    weightsBytes,
    gradientsBytes,
    optimizerBytes,
    activationsBytes,
    logitsBytes,
    totalBytes: weightsBytes + gradientsBytes + optimizerBytes + activationsBytes + logitsBytes,
  };
}
