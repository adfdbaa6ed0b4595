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

const TRTLLM_V08 =
  'NVIDIA TensorRT-LLM docs/source/performance.md, data from TensorRT-LLM v0.8.0 (gptSessionBenchmark), ' +
  'https://github.com/NVIDIA/TensorRT-LLM/blob/v0.8.0/docs/source/performance.md';
const TRTLLM_V09 =
  'NVIDIA TensorRT-LLM docs/source/performance.md, data from TensorRT-LLM v0.9.0 (gptSessionBenchmark), ' +
  'https://github.com/NVIDIA/TensorRT-LLM/blob/v0.9.0/docs/source/performance.md';

/**
 * Llama-2-70B ("LLaMA 70B"; the page's build section names Llama2-70b) first-token latency at
 * batch 1 from the v0.8.0 and v0.9.0 "Low Latency" tables, which add TP 8. Same hardware and
 * precisions as {@link LLAMA2_70B_PREFILL}: A100 SXM4 80GB FP16 engines, H100 SXM 80GB HBM3 FP8
 * engines (fp8 weights, activations and KV cache). The v0.9.0 TP 4 128-token rows re-measure the
 * v0.5 points with newer kernels: 26 -> 19.6 ms on H100 fp8, 47 -> 45.6 ms on A100.
 */
export const LLAMA2_70B_PREFILL_TP8: readonly PrefillMeasurement[] = [
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', promptTokens: 128, measuredMs: 35.6, source: `${TRTLLM_V08}, "Low Latency", "A100 GPUs (FP16)"` },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', promptTokens: 2048, measuredMs: 235.1, source: `${TRTLLM_V08}, "Low Latency", "A100 GPUs (FP16)"` },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'fp8', promptTokens: 128, measuredMs: 17.0, source: `${TRTLLM_V08}, "Low Latency", "H100 GPUs (FP8)"` },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'fp8', promptTokens: 2048, measuredMs: 84.4, source: `${TRTLLM_V08}, "Low Latency", "H100 GPUs (FP8)"` },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', promptTokens: 2048, measuredMs: 249.2, source: `${TRTLLM_V09}, "Low Latency", "A100 GPUs (FP16)"` },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'fp8', promptTokens: 2048, measuredMs: 85.1, source: `${TRTLLM_V09}, "Low Latency", "H100 GPUs (FP8)"` },
];

/** The v0.9.0 re-measurement of the TP 4, 128-token rows of {@link LLAMA2_70B_PREFILL}. */
export const LLAMA2_70B_PREFILL_TP4_V09: readonly PrefillMeasurement[] = [
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', promptTokens: 128, measuredMs: 45.6, source: `${TRTLLM_V09}, "Low Latency", "A100 GPUs (FP16)"` },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'fp8', promptTokens: 128, measuredMs: 19.6, source: `${TRTLLM_V09}, "Low Latency", "H100 GPUs (FP8)"` },
];

/**
 * One static-batch throughput measurement (gptSessionBenchmark): `batch` requests start
 * together, the context phase runs their prompts, then `outputTokens - 1` generation steps run
 * the whole batch (the first output token comes from the context phase). The table reports
 * output tokens per second per GPU: batch x outputTokens / (wall time x tp). Long outputs make it
 * a decode-step measurement at that batch size.
 */
export interface StaticBatchMeasurement {
  readonly model: string;
  readonly gpu: string;
  readonly tp: number;
  readonly precision: WeightPrecision;
  readonly batch: number;
  readonly promptTokens: number;
  readonly outputTokens: number;
  readonly measuredOutTokPerSecPerGpu: number;
  readonly source: string;
}

/**
 * Llama-2-70B at TP 2 on H100 SXM FP8 (fp8 KV cache), TensorRT-LLM v0.8.0 "Peak Throughput",
 * "H100 GPUs (FP8)". The only published TP 2 Llama-2-70B figures found: large batches, so they
 * check decode steps at batch 64-1024 rather than latency at small batch.
 */
export const LLAMA2_70B_TP2_THROUGHPUT: readonly StaticBatchMeasurement[] = [
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'fp8', batch: 1024, promptTokens: 128, outputTokens: 128, measuredOutTokPerSecPerGpu: 3269, source: `${TRTLLM_V08}, "Peak Throughput", "H100 GPUs (FP8)"` },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'fp8', batch: 96, promptTokens: 2048, outputTokens: 128, measuredOutTokPerSecPerGpu: 347, source: `${TRTLLM_V08}, "Peak Throughput", "H100 GPUs (FP8)"` },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'fp8', batch: 64, promptTokens: 2048, outputTokens: 2048, measuredOutTokPerSecPerGpu: 1020, source: `${TRTLLM_V08}, "Peak Throughput", "H100 GPUs (FP8)"` },
];

/**
 * Decode against batch size on ONE GPU: Llama-2-7B ("LLaMA 7B") at TP 1, TensorRT-LLM v0.8.0
 * "Peak Throughput" tables, on H100 SXM FP8 and A100 SXM4 80GB FP16, at the table's batch sizes
 * (each row also changes the lengths, so the model is run on each row's exact shape). The
 * 128-in / 2048-out rows are almost pure decode: 2047 generation steps per context phase.
 */
export const LLAMA2_7B_TP1_THROUGHPUT: readonly StaticBatchMeasurement[] = [
  { model: 'llama-2-7b', gpu: 'h100-sxm', tp: 1, precision: 'fp8', batch: 896, promptTokens: 128, outputTokens: 128, measuredOutTokPerSecPerGpu: 20241, source: `${TRTLLM_V08}, "Peak Throughput", "H100 GPUs (FP8)"` },
  { model: 'llama-2-7b', gpu: 'h100-sxm', tp: 1, precision: 'fp8', batch: 120, promptTokens: 128, outputTokens: 2048, measuredOutTokPerSecPerGpu: 6922, source: `${TRTLLM_V08}, "Peak Throughput", "H100 GPUs (FP8)"` },
  { model: 'llama-2-7b', gpu: 'h100-sxm', tp: 1, precision: 'fp8', batch: 64, promptTokens: 2048, outputTokens: 128, measuredOutTokPerSecPerGpu: 2170, source: `${TRTLLM_V08}, "Peak Throughput", "H100 GPUs (FP8)"` },
  { model: 'llama-2-7b', gpu: 'h100-sxm', tp: 1, precision: 'fp8', batch: 56, promptTokens: 2048, outputTokens: 2048, measuredOutTokPerSecPerGpu: 2816, source: `${TRTLLM_V08}, "Peak Throughput", "H100 GPUs (FP8)"` },
  { model: 'llama-2-7b', gpu: 'a100-80g-sxm', tp: 1, precision: 'bf16', batch: 256, promptTokens: 128, outputTokens: 128, measuredOutTokPerSecPerGpu: 5353, source: `${TRTLLM_V08}, "Peak Throughput", "A100 GPUs (FP16)"` },
  { model: 'llama-2-7b', gpu: 'a100-80g-sxm', tp: 1, precision: 'bf16', batch: 32, promptTokens: 128, outputTokens: 2048, measuredOutTokPerSecPerGpu: 1518, source: `${TRTLLM_V08}, "Peak Throughput", "A100 GPUs (FP16)"` },
  { model: 'llama-2-7b', gpu: 'a100-80g-sxm', tp: 1, precision: 'bf16', batch: 32, promptTokens: 2048, outputTokens: 128, measuredOutTokPerSecPerGpu: 547, source: `${TRTLLM_V08}, "Peak Throughput", "A100 GPUs (FP16)"` },
  { model: 'llama-2-7b', gpu: 'a100-80g-sxm', tp: 1, precision: 'bf16', batch: 16, promptTokens: 2048, outputTokens: 2048, measuredOutTokPerSecPerGpu: 613, source: `${TRTLLM_V08}, "Peak Throughput", "A100 GPUs (FP16)"` },
];
