/**
 * The time of an engine step, as {@link stepCost} computes it, for simulators that evaluate
 * millions of steps: everything that depends only on the deployment (per-layer parameter bytes,
 * peak rates, layer counts) is computed once, and a step is reduced to four sums over its
 * sequences (tokens, attention pairs, KV tokens read, and MLA's up-projected cached tokens), so
 * timing a step allocates nothing.
 *
 * Scope: one pipeline stage (pp = 1), where a step is one micro-batch; deployments with pp > 1
 * fall back to {@link stepCost}. `step-timer.test.ts` checks equality with `stepCost` on random
 * batches of dense, MoE (with and without EP) and MLA models.
 */
import type { CollectiveCost } from './collectives.js';
import { type Deployment, localExperts, stageLayerKinds } from './deployment.js';
import type { EfficiencyFactors } from './efficiency.js';
import { peakFlopsPerSec } from './gpu-catalog.js';
import { mlaKvUpParams } from './model-params.js';
import { ACTIVATION_BYTES, computePrecision, weightBytesPerParam } from './precision.js';
import { kvBytesPerTokenPerLayerPerGpu, stepCost, type SequenceChunk, type StepCostOptions } from './step-cost.js';

export class StepTimer {
  readonly #d: Deployment;
  readonly #options: StepCostOptions;
  readonly #e: EfficiencyFactors;
  readonly #net: CollectiveCost;
  readonly #matmulFlopsPerNs: number;
  readonly #attnFlopsPerNs: number;
  readonly #bytesPerNs: number;
  readonly #kvPerTok: number;
  readonly #layers: number;
  readonly #dense: number;
  readonly #moe: number;
  readonly #bpp: number;
  /** Per-pair FLOPs: GQA (any chunk) or MLA prefill; MLA decode (weight-absorbed). */
  readonly #perPair: number;
  readonly #perPairMlaDecode: number;
  readonly #mlaUp: number;
  readonly #fallback: boolean;
  readonly #chunks: SequenceChunk[] = [];

  constructor(d: Deployment, options: StepCostOptions) {
    this.#d = d;
    this.#options = options;
    this.#e = options.efficiency;
    this.#net = options.collectives;
    this.#fallback = d.pp !== 1;
    const e = options.efficiency;
    const cp = computePrecision(d.weightPrecision);
    const matmulEff = cp === 'fp8' && d.gpu.fp8FlopsPerSec !== undefined ? e.fp8MatmulEfficiency : e.matmulEfficiency;
    this.#matmulFlopsPerNs = (peakFlopsPerSec(d.gpu, cp) * matmulEff) / 1e9;
    this.#attnFlopsPerNs = (d.gpu.bf16FlopsPerSec * e.attentionEfficiency) / 1e9;
    this.#bytesPerNs = (d.gpu.hbmBandwidthBytesPerSec * e.memoryEfficiency) / 1e9;
    this.#kvPerTok = kvBytesPerTokenPerLayerPerGpu(d);
    const kinds = stageLayerKinds(d, 0);
    this.#dense = kinds.dense;
    this.#moe = kinds.moe;
    this.#layers = kinds.dense + kinds.moe;
    this.#bpp = weightBytesPerParam(d.weightPrecision);
    const a = d.model.attention;
    if (a.kind === 'gqa') {
      this.#perPair = 4 * a.heads * a.headDim;
      this.#perPairMlaDecode = this.#perPair;
    } else {
      this.#perPair = 2 * a.heads * (a.qkNopeHeadDim + a.qkRopeHeadDim) + 2 * a.heads * a.vHeadDim;
      this.#perPairMlaDecode = 2 * a.heads * (a.kvLoraRank + a.qkRopeHeadDim) + 2 * a.heads * a.kvLoraRank;
    }
    this.#mlaUp = mlaKvUpParams(a);
  }

  /** Roofline time of one operator: max + (1 - overlap) x min of its compute and memory times. */
  #op(flops: number, flopsPerNs: number, bytes: number): number {
    const c = flops / flopsPerNs;
    const m = bytes / this.#bytesPerNs;
    return c > m ? c + (1 - this.#e.overlap) * m : m + (1 - this.#e.overlap) * c;
  }

  /**
   * Time of a step over the first `count` sequences, given as parallel arrays of new and cached
   * token counts (the caller validated them). Equal to `stepCost(d, batch, options).timeNs`.
   */
  timeNs(newTokens: ArrayLike<number>, cachedTokens: ArrayLike<number>, count: number): number {
    if (this.#fallback) {
      const chunks = this.#chunks;
      chunks.length = 0;
      for (let i = 0; i < count; i++) chunks.push({ newTokens: newTokens[i]!, cachedTokens: cachedTokens[i]! });
      return stepCost(this.#d, chunks, this.#options).timeNs;
    }
    const d = this.#d;
    const { tp } = d;
    const mla = d.model.attention.kind === 'mla';
    let tokens = 0;
    let attnFlops = 0;
    let kvTokens = 0;
    let mlaUpFlops = 0;
    for (let i = 0; i < count; i++) {
      const q = newTokens[i]!;
      const cached = cachedTokens[i]!;
      tokens += q;
      const pairs = q * cached + (q * (q + 1)) / 2;
      if (mla && q === 1) {
        attnFlops += (pairs * this.#perPairMlaDecode) / tp;
      } else {
        attnFlops += (pairs * this.#perPair) / tp;
        if (mla) mlaUpFlops += 2 * cached * this.#mlaUp;
      }
      kvTokens += cached + q;
    }
    const p = d.params;
    const bpp = this.#bpp;
    const mm = this.#matmulFlopsPerNs;
    let computeNs =
      this.#layers * this.#op((2 * tokens * p.attentionMatrixPerLayer + mlaUpFlops) / tp, mm, (p.attentionMatrixPerLayer * bpp) / tp) +
      this.#layers * this.#op(attnFlops, this.#attnFlopsPerNs, kvTokens * this.#kvPerTok) +
      this.#dense * this.#op((2 * tokens * p.denseMlpPerLayer) / tp, mm, (p.denseMlpPerLayer * bpp) / tp);
    const net = this.#net;
    const h = d.model.hidden;
    const allReduce = (bytes: number): number => (tp > 1 ? net.allReduceTimeNs(bytes, tp) : 0);
    const hiddenBytes = tokens * h * ACTIVATION_BYTES;
    const arHidden = allReduce(hiddenBytes);
    let commNs = this.#dense * 2 * arHidden;
    const ffn = d.model.ffn;
    if (this.#moe > 0 && ffn.kind === 'moe') {
      const E = ffn.experts;
      const k = ffn.topK;
      const touched = 1 - Math.pow(1 - k / E, tokens);
      const sharedFlops = (2 * tokens * ffn.sharedExperts * p.expert) / tp;
      const sharedBytes = (ffn.sharedExperts * p.expert * bpp) / tp;
      const routedFlops = d.ep > 1 ? (2 * tokens * k * p.expert) / d.ep : (2 * tokens * k * p.expert) / tp;
      const routedBytes = d.ep > 1 ? localExperts(d) * touched * p.expert * bpp : (E * touched * p.expert * bpp) / tp;
      computeNs += this.#moe * this.#op(sharedFlops + routedFlops + 2 * tokens * p.routerPerLayer, mm, sharedBytes + routedBytes + p.routerPerLayer * 2);
      commNs += d.ep > 1
        ? this.#moe * (arHidden + 2 * net.allToAllTimeNs((tokens / d.ep) * k * h * ACTIVATION_BYTES, d.ep))
        : this.#moe * 2 * arHidden;
    }
    commNs += arHidden;
    const headParams = d.model.vocab * h;
    computeNs += this.#op((2 * count * headParams) / tp, mm, (headParams * 2) / tp);
    if (tp > 1) commNs += net.allGatherTimeNs(count * d.model.vocab * ACTIVATION_BYTES, tp);
    const hostNs = this.#layers * (this.#e.hostLaunchNsPerLayer ?? 0);
    return Math.max(computeNs + commNs, hostNs) + this.#e.stepOverheadNs;
  }
}
