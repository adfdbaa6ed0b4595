/**
 * Model catalog: transformer shapes copied from each model's published Hugging Face
 * `config.json` (named in `source`). Parameter counts are never stored as inputs: they are
 * derived from the shapes in `model-params.ts`; `published` holds the vendors' totals only so
 * that tests can check the derivation.
 */
import { badInput } from '../core/errors.js';

/** Grouped-query (or multi-head, when kvHeads == heads) attention. */
export interface GqaAttention {
  readonly kind: 'gqa';
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  /** Whether the q, k and v projections carry biases (Qwen2.5 does). */
  readonly qkvBias: boolean;
}

/**
 * DeepSeek multi-head latent attention: queries and keys/values pass through low-rank
 * compressions; the KV cache stores only the compressed latent (kvLoraRank) plus the shared
 * rotary key (qkRopeHeadDim) per token per layer.
 */
export interface MlaAttention {
  readonly kind: 'mla';
  readonly heads: number;
  readonly qLoraRank: number;
  readonly kvLoraRank: number;
  readonly qkRopeHeadDim: number;
  readonly qkNopeHeadDim: number;
  readonly vHeadDim: number;
}

export type Attention = GqaAttention | MlaAttention;

/** A gated (SwiGLU) MLP in every layer. */
export interface DenseFfn {
  readonly kind: 'dense';
  readonly intermediate: number;
}

/**
 * Mixture of experts: every MoE layer has `experts` routed gated MLPs of width
 * `expertIntermediate`, each token goes to `topK` of them plus all `sharedExperts`; the first
 * `firstDenseLayers` layers use a dense gated MLP of width `denseIntermediate` instead.
 */
export interface MoeFfn {
  readonly kind: 'moe';
  readonly experts: number;
  readonly topK: number;
  readonly sharedExperts: number;
  readonly expertIntermediate: number;
  readonly firstDenseLayers: number;
  readonly denseIntermediate: number;
  /** DeepSeek-V3 keeps a per-expert bias for routing (e_score_correction_bias). */
  readonly routerBias: boolean;
}

export type Ffn = DenseFfn | MoeFfn;

/** One model. Invariant: all dimensions are positive integers. */
export interface ModelSpec {
  /** Catalog key, lower-case, for example `llama-3-8b`. */
  readonly name: string;
  readonly displayName: string;
  readonly layers: number;
  readonly hidden: number;
  readonly vocab: number;
  /** Whether the output head shares the input embedding matrix. */
  readonly tiedEmbeddings: boolean;
  readonly attention: Attention;
  readonly ffn: Ffn;
  /** Published totals, for tests only (parameters; active parameters per token for MoE). */
  readonly published: { readonly totalParams: number; readonly activeParams?: number };
  /** Where the shapes and the published totals come from. */
  readonly source: string;
}

const B = 1e9;

const CATALOG: readonly ModelSpec[] = [
  {
    name: 'llama-3-8b',
    displayName: 'Llama-3-8B',
    layers: 32,
    hidden: 4096,
    vocab: 128256,
    tiedEmbeddings: false,
    attention: { kind: 'gqa', heads: 32, kvHeads: 8, headDim: 128, qkvBias: false },
    ffn: { kind: 'dense', intermediate: 14336 },
    published: { totalParams: 8.03 * B },
    source: 'https://huggingface.co/meta-llama/Meta-Llama-3-8B/blob/main/config.json; 8.03B from the model card',
  },
  {
    name: 'llama-3-70b',
    displayName: 'Llama-3-70B',
    layers: 80,
    hidden: 8192,
    vocab: 128256,
    tiedEmbeddings: false,
    attention: { kind: 'gqa', heads: 64, kvHeads: 8, headDim: 128, qkvBias: false },
    ffn: { kind: 'dense', intermediate: 28672 },
    published: { totalParams: 70.6 * B },
    source: 'https://huggingface.co/meta-llama/Meta-Llama-3-70B/blob/main/config.json; 70.6B from the model page',
  },
  {
    // Kept for calibration: TensorRT-LLM's published first-token latencies include Llama-2-7B at
    // TP 1 next to Llama-2-70B at TP 4 (same table, same software), which separates per-layer
    // costs from tensor-parallel ones (calibration.test.ts).
    name: 'llama-2-7b',
    displayName: 'Llama-2-7B',
    layers: 32,
    hidden: 4096,
    vocab: 32000,
    tiedEmbeddings: false,
    attention: { kind: 'gqa', heads: 32, kvHeads: 32, headDim: 128, qkvBias: false },
    ffn: { kind: 'dense', intermediate: 11008 },
    published: { totalParams: 6.74 * B },
    source: 'https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/config.json; 6.74B (6,738,415,616) as the Hugging Face checkpoint reports it; "7B" in the Llama 2 paper',
  },
  {
    name: 'llama-2-70b',
    displayName: 'Llama-2-70B',
    layers: 80,
    hidden: 8192,
    vocab: 32000,
    tiedEmbeddings: false,
    attention: { kind: 'gqa', heads: 64, kvHeads: 8, headDim: 128, qkvBias: false },
    ffn: { kind: 'dense', intermediate: 28672 },
    published: { totalParams: 69.0 * B },
    source: 'https://huggingface.co/meta-llama/Llama-2-70b-hf/blob/main/config.json; 69.0B from the model page',
  },
  {
    name: 'qwen2.5-7b',
    displayName: 'Qwen2.5-7B',
    layers: 28,
    hidden: 3584,
    vocab: 152064,
    tiedEmbeddings: false,
    attention: { kind: 'gqa', heads: 28, kvHeads: 4, headDim: 128, qkvBias: true },
    ffn: { kind: 'dense', intermediate: 18944 },
    published: { totalParams: 7.61 * B },
    source: 'https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/config.json; 7.61B from the model card',
  },
  {
    name: 'qwen2.5-72b',
    displayName: 'Qwen2.5-72B',
    layers: 80,
    hidden: 8192,
    vocab: 152064,
    tiedEmbeddings: false,
    attention: { kind: 'gqa', heads: 64, kvHeads: 8, headDim: 128, qkvBias: true },
    ffn: { kind: 'dense', intermediate: 29568 },
    published: { totalParams: 72.7 * B },
    source: 'https://huggingface.co/Qwen/Qwen2.5-72B/blob/main/config.json; 72.7B from the model card',
  },
  {
    name: 'mixtral-8x7b',
    displayName: 'Mixtral-8x7B',
    layers: 32,
    hidden: 4096,
    vocab: 32000,
    tiedEmbeddings: false,
    attention: { kind: 'gqa', heads: 32, kvHeads: 8, headDim: 128, qkvBias: false },
    ffn: {
      kind: 'moe',
      experts: 8,
      topK: 2,
      sharedExperts: 0,
      expertIntermediate: 14336,
      firstDenseLayers: 0,
      denseIntermediate: 0,
      routerBias: false,
    },
    published: { totalParams: 46.7 * B, activeParams: 12.9 * B },
    source:
      'https://huggingface.co/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json; 46.7B total / 12.9B active from ' +
      'Mistral AI, "Mixtral of experts" (2023) and arXiv:2401.04088',
  },
  {
    name: 'deepseek-v3',
    displayName: 'DeepSeek-V3',
    // 61 transformer layers; the multi-token-prediction module (num_nextn_predict_layers=1) is excluded.
    layers: 61,
    hidden: 7168,
    vocab: 129280,
    tiedEmbeddings: false,
    attention: {
      kind: 'mla',
      heads: 128,
      qLoraRank: 1536,
      kvLoraRank: 512,
      qkRopeHeadDim: 64,
      qkNopeHeadDim: 128,
      vHeadDim: 128,
    },
    ffn: {
      kind: 'moe',
      experts: 256,
      topK: 8,
      sharedExperts: 1,
      expertIntermediate: 2048,
      firstDenseLayers: 3,
      denseIntermediate: 18432,
      routerBias: true,
    },
    published: { totalParams: 671 * B, activeParams: 37 * B },
    source:
      'https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json; 671B total / 37B active (main model, ' +
      'excluding the 14B MTP module) from the DeepSeek-V3 Technical Report, arXiv:2412.19437',
  },
];

const BY_NAME = new Map(CATALOG.map((model) => [model.name, model]));

/** Catalog keys, in catalog order. */
export function modelNames(): string[] {
  return CATALOG.map((model) => model.name);
}

/** Every catalog entry, in catalog order. */
export function allModels(): readonly ModelSpec[] {
  return CATALOG;
}

/**
 * The catalog entry for `name` (case-insensitive).
 * @throws WeftError BAD_INPUT naming the valid models when `name` is unknown.
 */
export function getModel(name: string, field = 'model'): ModelSpec {
  const model = BY_NAME.get(name.trim().toLowerCase());
  if (model === undefined) {
    throw badInput(`unknown model "${name}"`, { field, value: name, expected: `one of: ${modelNames().join(', ')}` });
  }
  return model;
}

/** Whether layer `index` (0-based) is a mixture-of-experts layer. */
export function isMoeLayer(model: ModelSpec, index: number): boolean {
  return model.ffn.kind === 'moe' && index >= model.ffn.firstDenseLayers;
}
