/**
 * FLOPs of a fine-tuning step, derived per token.
 *
 * Full fine-tuning: the forward pass costs 2 FLOPs per weight per token (N matmul weights:
 * everything but the embedding lookup; for MoE the weights a token is routed through), the
 * backward pass twice that (activation gradients dX = dY W^T and weight gradients
 * dW = X^T dY, each 2N), so 6N per token (Kaplan et al. 2020, "Scaling Laws", section 2.1).
 * Attention adds, per layer, 2 FLOPs per (query, key) pair per QK and per V dimension forward
 * (causal: (s+1)/2 keys per query on average), and twice that backward.
 *
 * LoRA: the frozen base still runs forward (2N) and propagates activation gradients (2N) but
 * computes no weight gradients, so 4N; the adapters (Phi weights) cost the full 6 Phi. Hence
 * 4N + 6 Phi + 3 x attention, about 2/3 of full fine-tuning for small ranks.
 *
 * Full recomputation repeats the forward pass in backward: + 2N (+ 2 Phi) + 1 x attention.
 */
import type { FineTuneJob } from './finetune-job.js';
import type { ModelSpec } from './model-catalog.js';
import { paramCounts } from './model-params.js';

/** Matmul weights one token passes through (active, without the embedding lookup, with the head). */
export function matmulParamsPerToken(model: ModelSpec): number {
  const p = paramCounts(model);
  const lookupOnly = model.tiedEmbeddings ? 0 : p.embedding; // a tied table is counted once, as the head
  return p.active - lookupOnly - model.hidden - model.layers * p.otherPerLayer;
}

/** Forward attention FLOPs per token of a causal sequence of `seqLen` tokens, all layers. */
export function attentionForwardFlopsPerToken(model: ModelSpec, seqLen: number): number {
  const a = model.attention;
  const perPair = a.kind === 'gqa' ? 4 * a.heads * a.headDim : 2 * a.heads * (a.qkNopeHeadDim + a.qkRopeHeadDim + a.vHeadDim);
  return model.layers * perPair * ((seqLen + 1) / 2);
}

/**
 * LoRA adapter parameters: r x (in + out) for every targeted matrix. Attention targets are the
 * q, k, v, o projections (for MLA: the q and kv down- and up-projections and o); `all-linear`
 * adds the gate, up and down projections of every dense MLP, routed expert and shared expert.
 */
export function loraParams(model: ModelSpec, rank: number, targets: FineTuneJob['loraTargets']): number {
  const h = model.hidden;
  const a = model.attention;
  let attention: number;
  if (a.kind === 'gqa') {
    const q = a.heads * a.headDim;
    const kv = a.kvHeads * a.headDim;
    attention = rank * ((h + q) + 2 * (h + kv) + (q + h));
  } else {
    const qk = a.qkNopeHeadDim + a.qkRopeHeadDim;
    attention = rank * (
      (h + a.qLoraRank) + (a.qLoraRank + a.heads * qk) + (h + a.kvLoraRank + a.qkRopeHeadDim) +
      (a.kvLoraRank + a.heads * (a.qkNopeHeadDim + a.vHeadDim)) + (a.heads * a.vHeadDim + h));
  }
  let total = model.layers * attention;
  if (targets === 'all-linear') {
    // A gated MLP of width f has 3 matrices of h + f dimensions each: r x 3 (h + f).
    const mlp = (f: number): number => rank * 3 * (h + f);
    const ffn = model.ffn;
    if (ffn.kind === 'dense') {
      total += model.layers * mlp(ffn.intermediate);
    } else {
      total += ffn.firstDenseLayers * mlp(ffn.denseIntermediate);
      total += (model.layers - ffn.firstDenseLayers) * (ffn.experts + ffn.sharedExperts) * mlp(ffn.expertIntermediate);
    }
  }
  return total;
}

/** LoRA adapter parameters a token passes through (routed experts: top-k of them). */
function activeLoraParams(job: FineTuneJob): number {
  const all = loraParams(job.model, job.loraRank, job.loraTargets);
  const ffn = job.model.ffn;
  if (job.loraTargets !== 'all-linear' || ffn.kind !== 'moe') return all;
  const perExpert = job.loraRank * 3 * (job.model.hidden + ffn.expertIntermediate);
  const moeLayers = job.model.layers - ffn.firstDenseLayers;
  return all - moeLayers * (ffn.experts - ffn.topK) * perExpert;
}

/** FLOPs of a fine-tuning job. */
export interface FineTuneFlops {
  readonly flopsPerToken: number;
  readonly tokensPerStep: number;
  readonly flopsPerStep: number;
  /** Trainable parameters (all of them for full fine-tuning; the adapters for LoRA). */
  readonly trainableParams: number;
}

/** FLOPs per token and per optimizer step of `job` (see the file comment for the derivation). */
export function fineTuneFlops(job: FineTuneJob): FineTuneFlops {
  const n = matmulParamsPerToken(job.model);
  const attn = attentionForwardFlopsPerToken(job.model, job.seqLen);
  let flopsPerToken: number;
  let trainableParams: number;
  if (job.method === 'full') {
    flopsPerToken = 6 * n + 3 * attn + (job.recompute ? 2 * n + attn : 0);
    trainableParams = paramCounts(job.model).total;
  } else {
    const phi = activeLoraParams(job);
    flopsPerToken = 4 * n + 6 * phi + 3 * attn + (job.recompute ? 2 * n + 2 * phi + attn : 0);
    trainableParams = loraParams(job.model, job.loraRank, job.loraTargets);
  }
  const tokensPerStep = job.globalBatchSeqs * job.seqLen;
  return { flopsPerToken, tokensPerStep, flopsPerStep: flopsPerToken * tokensPerStep, trainableParams };
}
