/**
 * Cost of one engine step of a replica: a batch that mixes prefill chunks and decode tokens
 * (continuous batching with chunked prefill), as per-layer FLOPs and bytes turned into time by a
 * roofline with efficiency factors, plus tensor-parallel all-reduces, expert-parallel
 * all-to-alls, pipeline stages with their bubbles and a fixed per-step overhead.
 *
 * Modelling choices (each a documented approximation):
 * - Linear layers cost 2 FLOPs per weight per token; their weights are read once per step.
 * - Attention costs 2 FLOPs per (query, key) pair per QK dimension and per value dimension, over
 *   each sequence's cached tokens plus the causal part of its new chunk; it reads the sequence's
 *   whole KV cache once. Activation traffic is not counted (small next to weights and KV).
 * - MLA (DeepSeek-V3): decode tokens use the weight-absorbed form (attention in the 512-wide
 *   latent space over the compressed cache); prefill chunks use the expanded form and pay the
 *   kv up-projection of their cached tokens. The latent cache is replicated on every TP rank.
 * - MoE: routing is uniform, so a step of T tokens touches E(1 - (1 - k/E)^T) distinct experts.
 * - Collectives run after the compute they depend on, without overlap.
 * - An engine that issues kernels from the host (efficiency.hostLaunchNsPerLayer > 0) takes at
 *   least layers x that per stage and micro-batch: the host runs ahead, so max, not sum.
 */
import type { CollectiveCost } from './collectives.js';
import { type Deployment, localExperts, stageLayerKinds } from './deployment.js';
import type { EfficiencyFactors } from './efficiency.js';
import { peakFlopsPerSec } from './gpu-catalog.js';
import { kvCacheElementsPerTokenPerLayer, mlaKvUpParams } from './model-params.js';
import { ACTIVATION_BYTES, computePrecision, kvBytesPerElement, weightBytesPerParam } from './precision.js';
import { badInput } from '../core/errors.js';

/** One sequence's share of a step: `newTokens` processed now over `cachedTokens` already in its KV cache. */
export interface SequenceChunk {
  /** Tokens computed this step: 1 for a decode token, the chunk length for a prefill chunk. */
  readonly newTokens: number;
  /** Tokens of this sequence already in the KV cache before this step. */
  readonly cachedTokens: number;
}

/** Time and work of one pipeline stage for the whole step (all micro-batches). */
export interface StageCost {
  /** Roofline time of the stage's operators. */
  readonly computeTimeNs: number;
  /** Collectives inside the stage (TP all-reduces, EP all-to-alls). */
  readonly commTimeNs: number;
  /** FLOPs executed by one GPU of the stage. */
  readonly flopsPerGpu: number;
  /** HBM bytes read or written by one GPU of the stage (weights and KV cache). */
  readonly hbmBytesPerGpu: number;
  /** Whether memory time exceeds compute time summed over the stage's operators. */
  readonly memoryBound: boolean;
}

/** Cost of one step. */
export interface StepCost {
  /** Wall time of the step: pipeline makespan plus the fixed overhead. */
  readonly timeNs: number;
  /** The fixed per-step overhead included in `timeNs`. */
  readonly overheadNs: number;
  /** Point-to-point time between pipeline stages included in `timeNs`. */
  readonly pipelineSendTimeNs: number;
  /** Fraction of stage-time slots idle in the pipeline schedule (0 when pp = 1 and balanced). */
  readonly bubbleFraction: number;
  readonly stages: readonly StageCost[];
  /** Tokens computed in the step. */
  readonly tokens: number;
}

/** Options of {@link stepCost}. */
export interface StepCostOptions {
  readonly collectives: CollectiveCost;
  readonly efficiency: EfficiencyFactors;
  /**
   * Micro-batches the step is split into for the pipeline (sequences dealt round-robin). Default
   * 1: the step's batch traverses the stages once, as in a latency-oriented engine.
   */
  readonly microbatches?: number;
}

interface OpCost {
  flops: number;
  bytes: number;
  timeNs: number;
  memoryNs: number;
  computeNs: number;
}

function roofline(flops: number, bytes: number, flopsPerNs: number, bytesPerNs: number, e: EfficiencyFactors): OpCost {
  const computeNs = flops / flopsPerNs;
  const memoryNs = bytes / bytesPerNs;
  const hi = Math.max(computeNs, memoryNs);
  const lo = Math.min(computeNs, memoryNs);
  return { flops, bytes, computeNs, memoryNs, timeNs: hi + (1 - e.overlap) * lo };
}

/** KV-cache bytes per token per layer held by one GPU (GQA heads sharded by tp, replicated past kvHeads; MLA replicated). */
export function kvBytesPerTokenPerLayerPerGpu(d: Deployment): number {
  const bytes = kvCacheElementsPerTokenPerLayer(d.model) * kvBytesPerElement(d.kvCachePrecision);
  const a = d.model.attention;
  if (a.kind === 'mla') return bytes;
  // Each rank holds kvHeads / tp heads, or one whole head when tp exceeds the KV heads.
  const headsPerGpu = a.kvHeads >= d.tp ? a.kvHeads / d.tp : 1;
  return (bytes * headsPerGpu) / a.kvHeads;
}

function checkBatch(batch: readonly SequenceChunk[]): void {
  batch.forEach((c, i) => {
    if (!Number.isInteger(c.newTokens) || c.newTokens < 1 || !Number.isInteger(c.cachedTokens) || c.cachedTokens < 0) {
      throw badInput('invalid sequence chunk in a step batch', {
        field: `batch[${i}]`,
        value: c,
        expected: 'newTokens a positive integer and cachedTokens a non-negative integer',
      });
    }
  });
}

/** Cost of one micro-batch on one stage. */
function stageMicrobatchCost(
  d: Deployment,
  stage: number,
  batch: readonly SequenceChunk[],
  o: StepCostOptions,
): { op: OpCost; commNs: number } {
  const e = o.efficiency;
  const { model, tp } = d;
  const h = model.hidden;
  const a = model.attention;
  const bpp = weightBytesPerParam(d.weightPrecision);
  const cp = computePrecision(d.weightPrecision);
  const matmulEff = cp === 'fp8' && d.gpu.fp8FlopsPerSec !== undefined ? e.fp8MatmulEfficiency : e.matmulEfficiency;
  const matmulFlopsPerNs = (peakFlopsPerSec(d.gpu, cp) * matmulEff) / 1e9;
  const attnFlopsPerNs = (d.gpu.bf16FlopsPerSec * e.attentionEfficiency) / 1e9;
  const bytesPerNs = (d.gpu.hbmBandwidthBytesPerSec * e.memoryEfficiency) / 1e9;
  const p = d.params;

  let tokens = 0;
  let attnFlops = 0;
  let kvBytes = 0;
  let mlaUpFlops = 0;
  const kvPerTok = kvBytesPerTokenPerLayerPerGpu(d);
  for (const c of batch) {
    const q = c.newTokens;
    tokens += q;
    const pairs = q * c.cachedTokens + (q * (q + 1)) / 2;
    let perPair: number;
    if (a.kind === 'gqa') {
      perPair = 4 * a.heads * a.headDim;
    } else if (q === 1) {
      perPair = 2 * a.heads * (a.kvLoraRank + a.qkRopeHeadDim) + 2 * a.heads * a.kvLoraRank;
    } else {
      perPair = 2 * a.heads * (a.qkNopeHeadDim + a.qkRopeHeadDim) + 2 * a.heads * a.vHeadDim;
      mlaUpFlops += 2 * c.cachedTokens * mlaKvUpParams(a);
    }
    attnFlops += (pairs * perPair) / tp;
    kvBytes += (c.cachedTokens + q) * kvPerTok;
  }
  const seqs = batch.length;

  const sum: OpCost = { flops: 0, bytes: 0, timeNs: 0, memoryNs: 0, computeNs: 0 };
  const add = (op: OpCost, times: number): void => {
    sum.flops += op.flops * times;
    sum.bytes += op.bytes * times;
    sum.timeNs += op.timeNs * times;
    sum.memoryNs += op.memoryNs * times;
    sum.computeNs += op.computeNs * times;
  };
  const kinds = stageLayerKinds(d, stage);
  const layers = kinds.dense + kinds.moe;
  const attnLinear = roofline((2 * tokens * p.attentionMatrixPerLayer + mlaUpFlops) / tp, (p.attentionMatrixPerLayer * bpp) / tp, matmulFlopsPerNs, bytesPerNs, e);
  const attnCore = roofline(attnFlops, kvBytes, attnFlopsPerNs, bytesPerNs, e);
  add(attnLinear, layers);
  add(attnCore, layers);
  add(roofline((2 * tokens * p.denseMlpPerLayer) / tp, (p.denseMlpPerLayer * bpp) / tp, matmulFlopsPerNs, bytesPerNs, e), kinds.dense);

  const allReduce = (bytes: number): number => (tp > 1 ? o.collectives.allReduceTimeNs(bytes, tp) : 0);
  const hiddenBytes = tokens * h * ACTIVATION_BYTES;
  let commNs = kinds.dense * 2 * allReduce(hiddenBytes);

  const ffn = model.ffn;
  if (kinds.moe > 0 && ffn.kind === 'moe') {
    const E = ffn.experts;
    const k = ffn.topK;
    const touchedFraction = 1 - Math.pow(1 - k / E, tokens);
    const sharedFlops = (2 * tokens * ffn.sharedExperts * p.expert) / tp;
    const sharedBytes = (ffn.sharedExperts * p.expert * bpp) / tp;
    let routedFlops: number;
    let routedBytes: number;
    if (d.ep > 1) {
      routedFlops = (2 * tokens * k * p.expert) / d.ep;
      routedBytes = localExperts(d) * touchedFraction * p.expert * bpp;
    } else {
      routedFlops = (2 * tokens * k * p.expert) / tp;
      routedBytes = (E * touchedFraction * p.expert * bpp) / tp;
    }
    const routerFlops = 2 * tokens * p.routerPerLayer;
    add(roofline(sharedFlops + routedFlops + routerFlops, sharedBytes + routedBytes + p.routerPerLayer * 2, matmulFlopsPerNs, bytesPerNs, e), kinds.moe);
    if (d.ep > 1) {
      // Tokens are sharded across the EP ranks for dispatch; each sends its tokens' hidden states
      // to the k experts' ranks and gets the results back (dispatch + combine), after the
      // attention all-reduce.
      const perGpu = (tokens / d.ep) * k * h * ACTIVATION_BYTES;
      commNs += kinds.moe * (allReduce(hiddenBytes) + 2 * o.collectives.allToAllTimeNs(perGpu, d.ep));
    } else {
      commNs += kinds.moe * 2 * allReduce(hiddenBytes);
    }
  }

  if (stage === 0) {
    // Vocab-parallel embedding lookup: negligible compute, one all-reduce to assemble rows.
    commNs += allReduce(hiddenBytes);
  }
  if (stage === d.pp - 1) {
    // Output head: logits for one token per sequence; tp ranks all-gather their vocab slices.
    const headParams = model.vocab * h;
    add(roofline((2 * seqs * headParams) / tp, (headParams * 2) / tp, matmulFlopsPerNs, bytesPerNs, e), 1);
    if (tp > 1) commNs += o.collectives.allGatherTimeNs(seqs * model.vocab * ACTIVATION_BYTES, tp);
  }
  return { op: sum, commNs };
}

/**
 * Cost of one engine step of replica `d` over `batch`.
 * @throws WeftError BAD_INPUT when the batch is empty or malformed.
 */
export function stepCost(d: Deployment, batch: readonly SequenceChunk[], options: StepCostOptions): StepCost {
  if (batch.length === 0) {
    throw badInput('a step needs at least one sequence', { field: 'batch', value: [], expected: 'a non-empty batch' });
  }
  checkBatch(batch);
  const m = Math.min(options.microbatches ?? 1, batch.length);
  if (!Number.isInteger(m) || m < 1) {
    throw badInput('microbatches must be a positive integer', { field: 'microbatches', value: options.microbatches, expected: 'a positive integer' });
  }
  const groups: SequenceChunk[][] = Array.from({ length: m }, () => []);
  batch.forEach((c, i) => groups[i % m]!.push(c));

  // times[i][s]: micro-batch i on stage s, including its collectives.
  const stages: { computeTimeNs: number; commTimeNs: number; flopsPerGpu: number; hbmBytesPerGpu: number; memNs: number; compNs: number }[] =
    Array.from({ length: d.pp }, () => ({ computeTimeNs: 0, commTimeNs: 0, flopsPerGpu: 0, hbmBytesPerGpu: 0, memNs: 0, compNs: 0 }));
  const finish = new Float64Array(d.pp);
  let sendNs = 0;
  let busy = 0;
  for (const group of groups) {
    const groupTokens = group.reduce((s, c) => s + c.newTokens, 0);
    const send = d.pp > 1 ? options.collectives.sendRecvTimeNs(groupTokens * d.model.hidden * ACTIVATION_BYTES) : 0;
    let ready = 0;
    for (let s = 0; s < d.pp; s++) {
      const { op, commNs } = stageMicrobatchCost(d, s, group, options);
      // An eager engine's host issues the stage's kernels while the GPU runs them: the slower wins.
      const kinds = stageLayerKinds(d, s);
      const hostNs = (kinds.dense + kinds.moe) * (options.efficiency.hostLaunchNsPerLayer ?? 0);
      const st = stages[s]!;
      st.computeTimeNs += op.timeNs;
      st.commTimeNs += commNs;
      st.flopsPerGpu += op.flops;
      st.hbmBytesPerGpu += op.bytes;
      st.memNs += op.memoryNs;
      st.compNs += op.computeNs;
      const t = Math.max(op.timeNs + commNs, hostNs);
      busy += t;
      const start = Math.max(finish[s]!, ready);
      finish[s] = start + t;
      ready = finish[s]! + (s < d.pp - 1 ? send : 0);
      if (s < d.pp - 1) sendNs += send;
    }
  }
  const makespan = finish[d.pp - 1]!;
  const overheadNs = options.efficiency.stepOverheadNs;
  return {
    timeNs: makespan + overheadNs,
    overheadNs,
    pipelineSendTimeNs: sendNs,
    bubbleFraction: makespan > 0 ? Math.max(0, 1 - busy / (d.pp * makespan)) : 0,
    stages: stages.map((s) => ({
      computeTimeNs: s.computeTimeNs,
      commTimeNs: s.commTimeNs,
      flopsPerGpu: s.flopsPerGpu,
      hbmBytesPerGpu: s.hbmBytesPerGpu,
      memoryBound: s.memNs > s.compNs,
    })),
    tokens: batch.reduce((s, c) => s + c.newTokens, 0),
  };
}
