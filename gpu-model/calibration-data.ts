/**
 * Published measurements the cost model is checked against. Each point keeps its source: the
 * document, the table, the hardware, the software and its version.
 */
import type { WeightPrecision } from './precision.js';

/** One measured batch-1 prefill (time to first token, no queueing). */
export interface PrefillMeasurement {
  readonly model: string;
  readonly gpu: string;
  readonly tp: number;
  readonly precision: WeightPrecision;
  readonly promptTokens: number;
  readonly measuredMs: number;
  readonly source: string;
}

const TRTLLM_V05 =
  'NVIDIA TensorRT-LLM docs/source/performance.md, "Low Latency" tables (1st token latency, batch 1), ' +
  'data from TensorRT-LLM v0.5 (2023), https://github.com/NVIDIA/TensorRT-LLM/blob/release/0.6.1/docs/source/performance.md';

/**
 * Llama-2-70B ("LLaMA 70B" in the tables) first-token latency at batch 1, TP 4. A100 rows are
 * FP16 engines on A100 SXM4 80GB; H100 rows are FP8 engines (fp8 weights, activations and KV
 * cache) on H100 SXM 80GB HBM3.
 */
export const LLAMA2_70B_PREFILL: readonly PrefillMeasurement[] = [
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', promptTokens: 128, measuredMs: 47, source: `${TRTLLM_V05}, "A100 GPUs (FP16)"` },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', promptTokens: 2048, measuredMs: 377, source: `${TRTLLM_V05}, "A100 GPUs (FP16)"` },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'fp8', promptTokens: 128, measuredMs: 26, source: `${TRTLLM_V05}, "H100 GPUs (FP8)"` },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'fp8', promptTokens: 2048, measuredMs: 109, source: `${TRTLLM_V05}, "H100 GPUs (FP8)"` },
];

/**
 * Llama-2-7B ("LLaMA 7B" in the tables; the build commands of the same page name Llama2-7b:
 * 32 layers, hidden 4096, FFN 11008, vocab 32000) first-token latency at batch 1, TP 1, from the
 * same tables and software as {@link LLAMA2_70B_PREFILL}. Used to tell per-layer costs from
 * tensor-parallel ones: the 7B runs the same layer kernels without any all-reduce.
 */
export const LLAMA2_7B_PREFILL: readonly PrefillMeasurement[] = [
  { model: 'llama-2-7b', gpu: 'a100-80g-sxm', tp: 1, precision: 'bf16', promptTokens: 128, measuredMs: 16, source: `${TRTLLM_V05}, "A100 GPUs (FP16)"` },
  { model: 'llama-2-7b', gpu: 'a100-80g-sxm', tp: 1, precision: 'bf16', promptTokens: 2048, measuredMs: 133, source: `${TRTLLM_V05}, "A100 GPUs (FP16)"` },
  { model: 'llama-2-7b', gpu: 'h100-sxm', tp: 1, precision: 'fp8', promptTokens: 128, measuredMs: 7, source: `${TRTLLM_V05}, "H100 GPUs (FP8)"` },
  { model: 'llama-2-7b', gpu: 'h100-sxm', tp: 1, precision: 'fp8', promptTokens: 2048, measuredMs: 36, source: `${TRTLLM_V05}, "H100 GPUs (FP8)"` },
];

/**
 * One measured steady-state decode under load: mean inter-token latency with `concurrency`
 * requests in flight, each with `promptTokens` in and `outputTokens` out.
 */
export interface DecodeMeasurement {
  readonly model: string;
  readonly gpu: string;
  readonly tp: number;
  readonly precision: WeightPrecision;
  readonly concurrency: number;
  readonly promptTokens: number;
  readonly outputTokens: number;
  readonly measuredItlMs: number;
  readonly source: string;
}

const NIM_18 =
  'NVIDIA NIM for LLMs benchmarking guide, "Performance", Llama-3.3-70b-instruct results, NIM version 1.8.0, ' +
  '2 x H100 80G, fp8, TP2, 5000 input / 500 output tokens, ITL column (AIPerf), ' +
  'https://docs.nvidia.com/nim/benchmarking/llm/1.0.0/performance';

/**
 * Llama-3.3-70B-Instruct has the Llama-3-70B shapes (80 layers, hidden 8192, 64/8 heads, FFN
 * 28672, vocab 128256), so the `llama-3-70b` catalog entry models it. Concurrency 100 and above
 * is left out: there the server is saturated and ITL no longer grows with the batch.
 */
export const LLAMA3_70B_DECODE: readonly DecodeMeasurement[] = [
  { model: 'llama-3-70b', gpu: 'h100-sxm', tp: 2, precision: 'fp8', concurrency: 1, promptTokens: 5000, outputTokens: 500, measuredItlMs: 18.58, source: NIM_18 },
  { model: 'llama-3-70b', gpu: 'h100-sxm', tp: 2, precision: 'fp8', concurrency: 5, promptTokens: 5000, outputTokens: 500, measuredItlMs: 21.83, source: NIM_18 },
  { model: 'llama-3-70b', gpu: 'h100-sxm', tp: 2, precision: 'fp8', concurrency: 25, promptTokens: 5000, outputTokens: 500, measuredItlMs: 38.75, source: NIM_18 },
  { model: 'llama-3-70b', gpu: 'h100-sxm', tp: 2, precision: 'fp8', concurrency: 50, promptTokens: 5000, outputTokens: 500, measuredItlMs: 59.73, source: NIM_18 },
];
