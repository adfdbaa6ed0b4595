/**
 * Published per-phase measurements of Llama-2-70B on DGX-A100 and DGX-H100 at TP 2, 4 and 8, from
 * the Splitwise characterization (Patel et al., "Splitwise: Efficient Generative LLM Inference
 * Using Phase Splitting", ISCA 2024). The repository of its simulator publishes the raw profile
 * the paper's performance model is built from: one row per run with the prompt size, batch size,
 * output tokens, TP degree, the prompt-phase time (time to first token of the batch) and the mean
 * time per generated token. Five runs per configuration; each point below is the MEDIAN of the five
 * rows of its configuration (ms), rounded to 0.1 ms (prefill) or 0.01 ms (decode).
 *
 * Hardware: "a100-80gb" rows are DGX-A100 (A100 SXM4 80GB, NVSwitch), "h100-80gb" rows DGX-H100
 * (H100 SXM 80GB, NVSwitch), per the repository's SKU configs (configs/hardware_repo/skus). Model
 * weights fp16 (configs/model_repo/sizes/llama2-70b-fp16.yaml), modelled here as bf16 (same bytes
 * and tensor-core rate). Software: the paper's characterization engine; the CSV does not name a
 * version. Its fixed cost per step is large: decode time per token hardly falls from TP 4 to TP 8
 * (A100 45.0 -> 44.9 ms, H100 29.7 -> 29.8 ms at batch 1), while weight streaming halves.
 *
 * Left out, with the reason: the batch-64 rows at TP 2 (both GPUs). Their prompt-phase times
 * (A100 ~0.8 s, H100 ~0.36 s for 64 x 512 tokens) are below the dense-FLOP floor of the
 * configuration (2 x 69e9 x 32768 FLOP over 2 GPUs needs >= 2.3 s on H100 even at peak), so the
 * engine did not run that batch as labelled (64 requests x 640 tokens x 320 KiB of fp16 KV is
 * 6.7 GB per GPU on top of 69 GB of weights, at the edge of 80 GB). The TP 2 batch-32 rows have
 * plausible prompt times (A100 6.6 s, H100 2.4 s for 16k tokens) and are kept.
 */
import type { PrefillMeasurement } from './calibration-data.js';
import type { WeightPrecision } from './precision.js';

const SPLITWISE =
  'Splitwise (Patel et al., ISCA 2024) characterization profile, Mutinifni/splitwise-sim data/perf_model.csv ' +
  '(commit 378088013a54df6f2052c27ff5ae6ea7619c3ecc), median of the 5 rows of the configuration; ' +
  'https://github.com/Mutinifni/splitwise-sim/blob/main/data/perf_model.csv';

/**
 * Batch-1 prompt phase (prompt_time at batch_size 1, token_size 128) of Llama-2-70B against prompt
 * length, 128 to 8192 tokens.
 */
export const SPLITWISE_LLAMA2_70B_PREFILL: readonly PrefillMeasurement[] = [
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', promptTokens: 128, measuredMs: 81.1, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', promptTokens: 256, measuredMs: 112.9, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', promptTokens: 512, measuredMs: 196.9, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', promptTokens: 1024, measuredMs: 377.1, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', promptTokens: 2048, measuredMs: 688.1, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', promptTokens: 4096, measuredMs: 1485.3, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', promptTokens: 8192, measuredMs: 2990.2, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', promptTokens: 128, measuredMs: 48.3, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', promptTokens: 256, measuredMs: 51.8, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', promptTokens: 512, measuredMs: 83.8, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', promptTokens: 1024, measuredMs: 157.9, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', promptTokens: 2048, measuredMs: 310.3, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', promptTokens: 4096, measuredMs: 642.7, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', promptTokens: 8192, measuredMs: 1339.8, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', promptTokens: 128, measuredMs: 63.7, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', promptTokens: 256, measuredMs: 78.6, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', promptTokens: 512, measuredMs: 127.0, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', promptTokens: 1024, measuredMs: 227.1, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', promptTokens: 2048, measuredMs: 403.3, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', promptTokens: 4096, measuredMs: 965.1, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', promptTokens: 8192, measuredMs: 2278.5, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', promptTokens: 128, measuredMs: 49.1, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', promptTokens: 256, measuredMs: 51.0, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', promptTokens: 512, measuredMs: 59.6, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', promptTokens: 1024, measuredMs: 105.6, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', promptTokens: 2048, measuredMs: 200.7, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', promptTokens: 4096, measuredMs: 463.5, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', promptTokens: 8192, measuredMs: 953.6, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', promptTokens: 128, measuredMs: 65.3, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', promptTokens: 256, measuredMs: 66.8, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', promptTokens: 512, measuredMs: 94.3, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', promptTokens: 1024, measuredMs: 154.5, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', promptTokens: 2048, measuredMs: 274.2, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', promptTokens: 4096, measuredMs: 661.2, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', promptTokens: 8192, measuredMs: 1549.8, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', promptTokens: 128, measuredMs: 58.2, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', promptTokens: 256, measuredMs: 51.7, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', promptTokens: 512, measuredMs: 53.4, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', promptTokens: 1024, measuredMs: 77.9, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', promptTokens: 2048, measuredMs: 136.8, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', promptTokens: 4096, measuredMs: 390.3, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', promptTokens: 8192, measuredMs: 844.9, source: SPLITWISE },
];

/**
 * Mean decode time per generated token with `batch` requests decoding together (token_time), each
 * with `promptTokens` in and `outputTokens` out, so the KV cache of each request grows from
 * `promptTokens` to `promptTokens + outputTokens` during the measurement.
 */
export interface DecodeStepMeasurement {
  readonly model: string;
  readonly gpu: string;
  readonly tp: number;
  readonly precision: WeightPrecision;
  readonly batch: number;
  readonly promptTokens: number;
  readonly outputTokens: number;
  readonly measuredTokenMs: number;
  readonly source: string;
}

/** Decode time per token of Llama-2-70B against batch size (1 to 64; 32 at TP 2), 512-token prompts. */
export const SPLITWISE_LLAMA2_70B_DECODE: readonly DecodeStepMeasurement[] = [
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', batch: 1, promptTokens: 512, outputTokens: 128, measuredTokenMs: 54.86, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', batch: 2, promptTokens: 512, outputTokens: 128, measuredTokenMs: 59.92, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', batch: 4, promptTokens: 512, outputTokens: 128, measuredTokenMs: 60.52, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', batch: 8, promptTokens: 512, outputTokens: 128, measuredTokenMs: 61.69, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', batch: 16, promptTokens: 512, outputTokens: 128, measuredTokenMs: 65.46, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 2, precision: 'bf16', batch: 32, promptTokens: 512, outputTokens: 128, measuredTokenMs: 72.19, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', batch: 1, promptTokens: 512, outputTokens: 128, measuredTokenMs: 37.0, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', batch: 2, promptTokens: 512, outputTokens: 128, measuredTokenMs: 37.39, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', batch: 4, promptTokens: 512, outputTokens: 128, measuredTokenMs: 39.98, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', batch: 8, promptTokens: 512, outputTokens: 128, measuredTokenMs: 40.41, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', batch: 16, promptTokens: 512, outputTokens: 128, measuredTokenMs: 41.97, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 2, precision: 'bf16', batch: 32, promptTokens: 512, outputTokens: 128, measuredTokenMs: 52.3, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', batch: 1, promptTokens: 512, outputTokens: 128, measuredTokenMs: 44.99, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', batch: 2, promptTokens: 512, outputTokens: 128, measuredTokenMs: 45.01, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', batch: 4, promptTokens: 512, outputTokens: 128, measuredTokenMs: 45.09, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', batch: 8, promptTokens: 512, outputTokens: 128, measuredTokenMs: 45.8, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', batch: 16, promptTokens: 512, outputTokens: 128, measuredTokenMs: 48.52, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', batch: 32, promptTokens: 512, outputTokens: 128, measuredTokenMs: 52.34, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 4, precision: 'bf16', batch: 64, promptTokens: 512, outputTokens: 128, measuredTokenMs: 72.95, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', batch: 1, promptTokens: 512, outputTokens: 128, measuredTokenMs: 29.72, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', batch: 2, promptTokens: 512, outputTokens: 128, measuredTokenMs: 29.98, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', batch: 4, promptTokens: 512, outputTokens: 128, measuredTokenMs: 29.92, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', batch: 8, promptTokens: 512, outputTokens: 128, measuredTokenMs: 31.44, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', batch: 16, promptTokens: 512, outputTokens: 128, measuredTokenMs: 32.84, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', batch: 32, promptTokens: 512, outputTokens: 128, measuredTokenMs: 36.88, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 4, precision: 'bf16', batch: 64, promptTokens: 512, outputTokens: 128, measuredTokenMs: 52.36, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', batch: 1, promptTokens: 512, outputTokens: 128, measuredTokenMs: 44.85, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', batch: 2, promptTokens: 512, outputTokens: 128, measuredTokenMs: 44.56, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', batch: 4, promptTokens: 512, outputTokens: 128, measuredTokenMs: 45.79, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', batch: 8, promptTokens: 512, outputTokens: 128, measuredTokenMs: 46.47, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', batch: 16, promptTokens: 512, outputTokens: 128, measuredTokenMs: 50.44, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', batch: 32, promptTokens: 512, outputTokens: 128, measuredTokenMs: 53.02, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'a100-80g-sxm', tp: 8, precision: 'bf16', batch: 64, promptTokens: 512, outputTokens: 128, measuredTokenMs: 71.61, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', batch: 1, promptTokens: 512, outputTokens: 128, measuredTokenMs: 29.76, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', batch: 2, promptTokens: 512, outputTokens: 128, measuredTokenMs: 30.26, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', batch: 4, promptTokens: 512, outputTokens: 128, measuredTokenMs: 31.79, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', batch: 8, promptTokens: 512, outputTokens: 128, measuredTokenMs: 32.5, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', batch: 16, promptTokens: 512, outputTokens: 128, measuredTokenMs: 34.17, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', batch: 32, promptTokens: 512, outputTokens: 128, measuredTokenMs: 38.62, source: SPLITWISE },
  { model: 'llama-2-70b', gpu: 'h100-sxm', tp: 8, precision: 'bf16', batch: 64, promptTokens: 512, outputTokens: 128, measuredTokenMs: 50.16, source: SPLITWISE },
];
