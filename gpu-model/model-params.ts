/**
 * Parameter counts derived from a model's shapes, matrix by matrix, as the Hugging Face
 * implementations lay them out (LlamaForCausalLM, Qwen2ForCausalLM, MixtralForCausalLM,
 * DeepseekV3ForCausalLM). Norm weights and biases are counted; rotary tables are not parameters.
 */
import type { Attention, ModelSpec, MoeFfn } from './model-catalog.js';

/** Weights of the attention matrices of one layer (the matmul part, no biases or norms). */
export function attentionMatrixParams(attention: Attention, hidden: number): number {
  if (attention.kind === 'gqa') {
    const q = hidden * attention.heads * attention.headDim;
    const kv = 2 * hidden * attention.kvHeads * attention.headDim;
    const o = attention.heads * attention.headDim * hidden;
    return q + kv + o;
  }
  const qkHead = attention.qkNopeHeadDim + attention.qkRopeHeadDim;
  const qDown = hidden * attention.qLoraRank;
  const qUp = attention.qLoraRank * attention.heads * qkHead;
  const kvDown = hidden * (attention.kvLoraRank + attention.qkRopeHeadDim);
  const o = attention.heads * attention.vHeadDim * hidden;
  return qDown + qUp + kvDown + mlaKvUpParams(attention) + o;
}

/** MLA's kv_b_proj: the up-projection from the cached latent to per-head keys (nope part) and values. */
export function mlaKvUpParams(attention: Attention): number {
  if (attention.kind !== 'mla') return 0;
  return attention.kvLoraRank * attention.heads * (attention.qkNopeHeadDim + attention.vHeadDim);
}

/** Biases and the extra norms inside the attention block of one layer. */
export function attentionOtherParams(attention: Attention): number {
  if (attention.kind === 'gqa') {
    return attention.qkvBias ? (attention.heads + 2 * attention.kvHeads) * attention.headDim : 0;
  }
  // q_a_layernorm and kv_a_layernorm.
  return attention.qLoraRank + attention.kvLoraRank;
}

/** A gated (SwiGLU) MLP: gate, up and down projections. */
export function gatedMlpParams(hidden: number, intermediate: number): number {
  return 3 * hidden * intermediate;
}

/** One routed (or shared) expert of a MoE layer. */
export function expertParams(ffn: MoeFfn, hidden: number): number {
  return gatedMlpParams(hidden, ffn.expertIntermediate);
}

/** The router of one MoE layer (gate weight, plus DeepSeek-V3's correction bias). */
export function routerParams(ffn: MoeFfn, hidden: number): number {
  return ffn.experts * hidden + (ffn.routerBias ? ffn.experts : 0);
}

/** Query dimension per token (all heads), for activation sizes. */
export function queryDim(attention: Attention): number {
  return attention.kind === 'gqa'
    ? attention.heads * attention.headDim
    : attention.heads * (attention.qkNopeHeadDim + attention.qkRopeHeadDim);
}

/** Attention output dimension per token (all heads), the input of the output projection. */
export function attentionOutputDim(attention: Attention): number {
  return attention.kind === 'gqa' ? attention.heads * attention.headDim : attention.heads * attention.vHeadDim;
}

/**
 * Elements cached per token per layer: k and v of every KV head for GQA; the compressed latent
 * plus the shared rotary key for MLA (DeepSeek-V2/V3 "KV cache of (d_c + d_h^R) per token").
 */
export function kvCacheElementsPerTokenPerLayer(model: ModelSpec): number {
  const a = model.attention;
  return a.kind === 'gqa' ? 2 * a.kvHeads * a.headDim : a.kvLoraRank + a.qkRopeHeadDim;
}

/** Derived parameter counts of a model. */
export interface ParamCounts {
  /** Every parameter (embedding, all layers, final norm, output head). */
  readonly total: number;
  /** Parameters one token passes through: routed experts counted top-k times, not all. */
  readonly active: number;
  /** Input embedding. */
  readonly embedding: number;
  /** Output head (0 when tied to the embedding). */
  readonly lmHead: number;
  /** Attention matrices of one layer. */
  readonly attentionMatrixPerLayer: number;
  /** Norms and biases of one layer (attention block + the two layer norms). */
  readonly otherPerLayer: number;
  /** The dense gated MLP of one dense layer (0 if the model has none). */
  readonly denseMlpPerLayer: number;
  /** One expert (0 for dense models). */
  readonly expert: number;
  /** Router of one MoE layer (0 for dense models). */
  readonly routerPerLayer: number;
  /** Number of dense-FFN and MoE layers. */
  readonly denseLayers: number;
  readonly moeLayers: number;
}

/** Derives every parameter count of `model` from its shapes. */
export function paramCounts(model: ModelSpec): ParamCounts {
  const h = model.hidden;
  const embedding = model.vocab * h;
  const lmHead = model.tiedEmbeddings ? 0 : model.vocab * h;
  const attentionMatrixPerLayer = attentionMatrixParams(model.attention, h);
  // input_layernorm + post_attention_layernorm, plus the attention block's own.
  const otherPerLayer = 2 * h + attentionOtherParams(model.attention);
  const finalNorm = h;
  const ffn = model.ffn;
  let denseMlpPerLayer: number;
  let expert = 0;
  let routerPerLayer = 0;
  let denseLayers: number;
  let moeLayers = 0;
  let moeTotalPerLayer = 0;
  let moeActivePerLayer = 0;
  if (ffn.kind === 'dense') {
    denseMlpPerLayer = gatedMlpParams(h, ffn.intermediate);
    denseLayers = model.layers;
  } else {
    denseMlpPerLayer = ffn.firstDenseLayers > 0 ? gatedMlpParams(h, ffn.denseIntermediate) : 0;
    denseLayers = ffn.firstDenseLayers;
    moeLayers = model.layers - ffn.firstDenseLayers;
    expert = expertParams(ffn, h);
    routerPerLayer = routerParams(ffn, h);
    moeTotalPerLayer = (ffn.experts + ffn.sharedExperts) * expert + routerPerLayer;
    moeActivePerLayer = (ffn.topK + ffn.sharedExperts) * expert + routerPerLayer;
  }
  const common = embedding + lmHead + finalNorm + model.layers * (attentionMatrixPerLayer + otherPerLayer) +
    denseLayers * denseMlpPerLayer;
  return {
    total: common + moeLayers * moeTotalPerLayer,
    active: common + moeLayers * moeActivePerLayer,
    embedding,
    lmHead,
    attentionMatrixPerLayer,
    otherPerLayer,
    denseMlpPerLayer,
    expert,
    routerPerLayer,
    denseLayers,
    moeLayers,
  };
}
