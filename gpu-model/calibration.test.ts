/**
 * The cost model against published TensorRT-LLM and NIM measurements (sources in
 * calibration-data.ts). The calibrated model takes its all-reduce times from the measured NCCL
 * curves of DGX A100 / DGX H100 (allreduce-curves.ts, `measuredAllReduceCollectives`); the
 * alpha-beta model is kept as the reference that diagnosed the gap. Issue 5 asks for a median
 * absolute error within 15% on Llama-2-70B; that is asserted over the TensorRT-LLM v0.5 TP 4
 * points, over all twelve TP 4 / TP 8 first-token points, over the eleven static-batch rows here,
 * and over every Llama-2-70B point (with the Splitwise TP 2/4/8 points) in
 * calibration-splitwise.test.ts. Each point class also has its own band, set to the error it
 * shows and its documented cause (gpu-model/README.md, "Calibration").
 */
import { describe, expect, it } from 'vitest';
import {
  LLAMA2_70B_PREFILL,
  LLAMA2_70B_PREFILL_TP4_V09,
  LLAMA2_70B_PREFILL_TP8,
  LLAMA2_70B_TP2_THROUGHPUT,
  LLAMA2_7B_PREFILL,
  LLAMA2_7B_TP1_THROUGHPUT,
  LLAMA3_70B_DECODE,
  type PrefillMeasurement,
  type StaticBatchMeasurement,
} from './calibration-data.js';
import { type CollectiveCost, nvlinkAlphaBetaCollectives } from './collectives.js';
import { makeDeployment } from './deployment.js';
import { DEFAULT_EFFICIENCY } from './efficiency.js';
import { getGpu, type GpuSpec } from './gpu-catalog.js';
import { measuredAllReduceCollectives } from './measured-collectives.js';
import { getModel } from './model-catalog.js';
import { stepCost } from './step-cost.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The calibrated collectives: measured NCCL all-reduce curves of the server. */
const calibrated = (gpu: GpuSpec): CollectiveCost => measuredAllReduceCollectives(gpu);
/** The closed-form reference (5 us + 0.5 us a ring step, 80% of NVLink at every size). */
const alphaBeta = (gpu: GpuSpec): CollectiveCost => nvlinkAlphaBetaCollectives(gpu);

function prefillRows(points: readonly PrefillMeasurement[], collectives: (gpu: GpuSpec) => CollectiveCost = calibrated) {
  return points.map((m) => {
    const gpu = getGpu(m.gpu);
    const d = makeDeployment({ model: getModel(m.model), gpu, tp: m.tp, weightPrecision: m.precision, kvCachePrecision: m.precision === 'fp8' ? 'fp8' : 'bf16' });
    const cost = stepCost(d, [{ newTokens: m.promptTokens, cachedTokens: 0 }], {
      collectives: collectives(gpu),
      efficiency: DEFAULT_EFFICIENCY,
    });
    const modelMs = cost.timeNs / 1e6;
    return { ...m, modelMs, error: modelMs / m.measuredMs - 1 };
  });
}

describe('calibration: Llama-2-70B prefill against TensorRT-LLM v0.5', () => {
  const rows = prefillRows(LLAMA2_70B_PREFILL);

  it('median absolute error is within 15%', () => {
    expect(median(rows.map((r) => Math.abs(r.error)))).toBeLessThan(0.15);
  });

  it('every point is within 50%', () => {
    for (const r of rows) expect(Math.abs(r.error), `${r.gpu} ${r.promptTokens} tokens: model ${r.modelMs.toFixed(1)} ms vs ${r.measuredMs} ms`).toBeLessThan(0.5);
  });

  it('reports the remaining error per GPU type', () => {
    for (const gpu of new Set(rows.map((r) => r.gpu))) {
      const errors = rows.filter((r) => r.gpu === gpu).map((r) => Math.abs(r.error));
      // Per-GPU median; printed for the calibration report.
      console.log(`calibration ${gpu}: median |error| ${(median(errors) * 100).toFixed(1)}% over ${errors.length} points;`,
        rows.filter((r) => r.gpu === gpu).map((r) => `${r.promptTokens} tok ${r.modelMs.toFixed(1)} ms vs ${r.measuredMs} ms`).join(', '));
      expect(median(errors)).toBeLessThan(0.25);
    }
  });
});

/**
 * Diagnosis of the H100 fp8 128-token point with Llama-2-7B at TP 1 from the same table: the 7B
 * runs the same layer kernels with no all-reduce. At 128 tokens on H100 fp8 the model is short
 * by 1.6 ms over 32 layers (~50 us a layer); for Llama-2-70B at TP 4 with the alpha-beta
 * all-reduce by 10.9 ms over 80 layers (~136 us a layer), so ~86 us a layer, ~43 us per 2 MB
 * all-reduce, came with tensor parallelism. The measured NCCL curve (34-47 us per 1-4 MB
 * all-reduce over 4 H100, against 16.7 us alpha-beta) accounts for ~34 us a layer of it; the
 * rest, ~100 us a layer (~50 us as at TP 1, plus TensorRT-LLM v0.5's slower 2023 kernels: the
 * v0.9.0 re-measurement is 19.6 ms, not 26), is fixed latency per kernel that matters only when each
 * kernel's roofline work is a few microseconds (H100 fp8, short prompts), and is not fitted.
 */
describe('calibration: Llama-2-7B TP 1 prefill against TensorRT-LLM v0.5 (diagnosis)', () => {
  const rows = prefillRows(LLAMA2_7B_PREFILL);

  it('fits A100 and long prompts within 10%; under-predicts H100 fp8 at 128 tokens, by less than at TP 4', () => {
    console.log('calibration llama-2-7b tp1:', rows.map((r) => `${r.gpu} ${r.promptTokens} tok ${r.modelMs.toFixed(1)} ms vs ${r.measuredMs} ms (${(r.error * 100).toFixed(0)}%)`).join(', '));
    for (const r of rows) {
      if (r.gpu === 'h100-sxm' && r.promptTokens === 128) continue;
      expect(Math.abs(r.error)).toBeLessThan(0.1);
    }
    const short7b = rows.find((r) => r.gpu === 'h100-sxm' && r.promptTokens === 128)!;
    const short70b = prefillRows(LLAMA2_70B_PREFILL).find((r) => r.gpu === 'h100-sxm' && r.promptTokens === 128)!;
    expect(short7b.error).toBeLessThan(0);
    expect(short70b.error).toBeLessThan(short7b.error);
    // With the alpha-beta all-reduce the TP 4 gap per layer exceeded twice the TP 1 gap: the
    // extra was tensor-parallel. The measured curve removes about a quarter of it (136 -> 102 us).
    const gapPerLayer = (r: typeof short7b, layers: number): number => (r.measuredMs - r.modelMs) / layers;
    const short70bAlpha = prefillRows(LLAMA2_70B_PREFILL, alphaBeta).find((r) => r.gpu === 'h100-sxm' && r.promptTokens === 128)!;
    expect(gapPerLayer(short70bAlpha, 80)).toBeGreaterThan(2 * gapPerLayer(short7b, 32));
    expect(gapPerLayer(short70b, 80)).toBeLessThan(0.85 * gapPerLayer(short70bAlpha, 80));
  });
});

/**
 * Decode under load. Mean ITL averages every step a request sees; with continuous batching and
 * chunked prefill, new requests' prompts run inside those steps. In steady state each of the c
 * requests brings promptTokens of prefill per outputTokens decode steps, so the average step
 * carries c decode tokens plus c x prompt / output prefill tokens (here 10c, at a mid-prompt
 * context). The KV cache is taken as fp8, as in NIM's fp8 TensorRT-LLM profiles.
 *
 * Tolerance: median absolute error within 25% and every point within 35%. This is looser than
 * issue 5's 15% for Llama-2-70B because the engine's real scheduling (how prefill chunks are
 * interleaved, CUDA-graph batch buckets) is averaged into one representative step here; the
 * remaining error is reported (c=1: +13%, c=5: +22%, c=25: +25%, c=50: +31%; with the alpha-beta
 * all-reduce -17%, -4%, +15%, +24%). The measured NCCL floor (~41 us per small all-reduce over
 * 2 H100) is slower than TensorRT-LLM's own small-message all-reduce kernel, so decode steps
 * that carry 160 all-reduces of a few KB are over-predicted by a few ms.
 */
describe('calibration: Llama-3-70B fp8 decode under load against NVIDIA NIM 1.8.0 on 2 x H100', () => {
  const rows = LLAMA3_70B_DECODE.map((m) => {
    const gpu = getGpu(m.gpu);
    const d = makeDeployment({ model: getModel(m.model), gpu, tp: m.tp, weightPrecision: m.precision, kvCachePrecision: 'fp8' });
    const decode = Array.from({ length: m.concurrency }, () => ({ newTokens: 1, cachedTokens: m.promptTokens + m.outputTokens / 2 }));
    const prefillPerStep = Math.round((m.concurrency * m.promptTokens) / m.outputTokens);
    const batch = m.concurrency > 1 ? [...decode, { newTokens: prefillPerStep, cachedTokens: m.promptTokens / 2 }] : decode;
    const modelMs = stepCost(d, batch, { collectives: calibrated(gpu), efficiency: DEFAULT_EFFICIENCY }).timeNs / 1e6;
    return { ...m, modelMs, error: modelMs / m.measuredItlMs - 1 };
  });

  it('median absolute error within 25%, every point within 35%', () => {
    console.log('calibration decode h100-sxm:', rows.map((r) => `c=${r.concurrency} ${r.modelMs.toFixed(1)} ms vs ${r.measuredItlMs} ms (${(r.error * 100).toFixed(0)}%)`).join(', '));
    expect(median(rows.map((r) => Math.abs(r.error)))).toBeLessThan(0.25);
    for (const r of rows) expect(Math.abs(r.error)).toBeLessThan(0.35);
  });

  it('ITL rises monotonically with concurrency, as measured', () => {
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.modelMs).toBeGreaterThan(rows[i - 1]!.modelMs);
  });
});

/**
 * Model output tokens per second per GPU of a static batch: one context step over every prompt,
 * then outputTokens - 1 generation steps of the whole batch with the KV cache growing by one
 * token a step (gptSessionBenchmark's schedule).
 */
function staticBatchRows(points: readonly StaticBatchMeasurement[]) {
  return points.map((m) => {
    const gpu = getGpu(m.gpu);
    const d = makeDeployment({ model: getModel(m.model), gpu, tp: m.tp, weightPrecision: m.precision, kvCachePrecision: m.precision === 'fp8' ? 'fp8' : 'bf16' });
    const options = { collectives: calibrated(gpu), efficiency: DEFAULT_EFFICIENCY };
    let timeNs = stepCost(d, Array.from({ length: m.batch }, () => ({ newTokens: m.promptTokens, cachedTokens: 0 })), options).timeNs;
    for (let step = 1; step < m.outputTokens; step++) {
      timeNs += stepCost(d, Array.from({ length: m.batch }, () => ({ newTokens: 1, cachedTokens: m.promptTokens + step - 1 })), options).timeNs;
    }
    const modelOutTokPerSecPerGpu = (m.batch * m.outputTokens) / (timeNs / 1e9) / m.tp;
    return { ...m, modelOutTokPerSecPerGpu, error: modelOutTokPerSecPerGpu / m.measuredOutTokPerSecPerGpu - 1 };
  });
}

const pct = (e: number): string => `${e >= 0 ? '+' : ''}${(e * 100).toFixed(1)}%`;

/**
 * Llama-2-70B at TP 8 (TensorRT-LLM v0.8.0 / v0.9.0 first-token latency, batch 1). Point classes
 * and their documented bands (gpu-model/README.md, "TP 8 and short prompts"):
 * - 2048-token prompts: within 15% (-13% to +0.2%).
 * - 128-token prompts: A100 within 15% (-8%); H100 fp8 under-predicted by 15-30% (-24%), the
 *   per-kernel fixed latency of H100 fp8 short prompts that also shows at TP 1. With the
 *   alpha-beta all-reduce they were -27% and -40%: the gap that grew with TP was the all-reduce
 *   latency at MB sizes, which the measured curve carries.
 */
describe('calibration: Llama-2-70B prefill at TP 8 against TensorRT-LLM v0.8.0 / v0.9.0', () => {
  const rows = prefillRows(LLAMA2_70B_PREFILL_TP8);
  const report = (r: (typeof rows)[number]): string => `${r.gpu} tp${r.tp} ${r.promptTokens} tok ${r.modelMs.toFixed(1)} ms vs ${r.measuredMs} ms (${pct(r.error)})`;

  it('2048-token prompts are within 15%', () => {
    console.log('calibration llama-2-70b tp8:', rows.map(report).join(', '));
    const long = rows.filter((r) => r.promptTokens === 2048);
    expect(long.length).toBe(4);
    for (const r of long) expect(Math.abs(r.error), report(r)).toBeLessThan(0.15);
  });

  it('128-token prompts: A100 within 15%, H100 fp8 under-predicted inside the documented 15-30% band', () => {
    const short = rows.filter((r) => r.promptTokens === 128);
    expect(short.length).toBe(2);
    const a100 = short.find((r) => r.gpu === 'a100-80g-sxm')!;
    const h100 = short.find((r) => r.gpu === 'h100-sxm')!;
    expect(Math.abs(a100.error), report(a100)).toBeLessThan(0.15);
    expect(h100.error, report(h100)).toBeLessThan(-0.15);
    expect(h100.error, report(h100)).toBeGreaterThan(-0.3);
  });

  it('with the alpha-beta all-reduce the short-prompt gap grew with TP; the measured curve removes most of it', () => {
    const tp4Alpha = prefillRows(LLAMA2_70B_PREFILL_TP4_V09, alphaBeta);
    const tp8Alpha = prefillRows(LLAMA2_70B_PREFILL_TP8, alphaBeta);
    const tp4 = prefillRows(LLAMA2_70B_PREFILL_TP4_V09);
    console.log('calibration llama-2-70b tp4 v0.9.0:', tp4.map(report).join(', '));
    const gapPerLayerUs = (r: (typeof tp4)[number]): number => ((r.measuredMs - r.modelMs) / 80) * 1000;
    for (const gpu of ['a100-80g-sxm', 'h100-sxm']) {
      const at4 = tp4Alpha.find((r) => r.gpu === gpu)!;
      const at8 = tp8Alpha.find((r) => r.gpu === gpu && r.promptTokens === 128)!;
      // Alpha-beta: missing time per layer at TP 8 exceeds that at TP 4 by more than 20 us.
      expect(gapPerLayerUs(at8) - gapPerLayerUs(at4), gpu).toBeGreaterThan(20);
      // Measured curve: the TP 8 128-token error shrinks by more than 10 points.
      const calibratedAt8 = rows.find((r) => r.gpu === gpu && r.promptTokens === 128)!;
      expect(Math.abs(at8.error) - Math.abs(calibratedAt8.error), gpu).toBeGreaterThan(0.1);
    }
    // Same software at TP 4: both GPUs within 15% (A100 +11%, H100 fp8 -9%); newer kernels closed
    // most of the v0.5 H100 fp8 gap: 26 ms (v0.5) -> 19.6 ms (v0.9.0).
    for (const r of tp4) expect(Math.abs(r.error), report(r)).toBeLessThan(0.15);
  });

  it('over every Llama-2-70B TTFT point (TP 4 and 8, three releases) the median absolute error is within 15%', () => {
    const all = prefillRows([...LLAMA2_70B_PREFILL, ...LLAMA2_70B_PREFILL_TP4_V09, ...LLAMA2_70B_PREFILL_TP8]);
    const m = median(all.map((r) => Math.abs(r.error)));
    console.log(`calibration llama-2-70b ttft: median |error| ${(m * 100).toFixed(1)}% over ${all.length} points`);
    expect(all.length).toBe(12);
    expect(m).toBeLessThan(0.15);
  });
});

/**
 * Static-batch throughput (decode-dominated) against TensorRT-LLM v0.8.0 "Peak Throughput":
 * Llama-2-70B at TP 2 on H100 fp8, and decode against batch size on one GPU with Llama-2-7B
 * (H100 fp8, A100 fp16). The model is slower than measured on every row, by 3-22% (median
 * ~10%); see gpu-model/README.md ("Static-batch throughput"). Bands: TP 1 rows within 20%, TP 2
 * rows within 25% (-17% to -22%: the measured NCCL all-reduce floor on top of the conservative
 * matmul efficiency), the median within 15%, and the model orders the rows of each GPU as
 * measured.
 */
describe('calibration: static-batch throughput against TensorRT-LLM v0.8.0', () => {
  const tp2 = staticBatchRows(LLAMA2_70B_TP2_THROUGHPUT);
  const tp1 = staticBatchRows(LLAMA2_7B_TP1_THROUGHPUT);
  const report = (r: (typeof tp2)[number]): string =>
    `${r.model} ${r.gpu} tp${r.tp} batch ${r.batch} ${r.promptTokens}/${r.outputTokens}: ${r.modelOutTokPerSecPerGpu.toFixed(0)} vs ${r.measuredOutTokPerSecPerGpu} tok/s/GPU (${pct(r.error)})`;

  it('Llama-2-70B TP 2 on H100 fp8: every row within 25%', () => {
    console.log('calibration llama-2-70b tp2 throughput:', tp2.map(report).join('; '));
    for (const r of tp2) expect(Math.abs(r.error), report(r)).toBeLessThan(0.25);
  });

  it('Llama-2-7B on one GPU: every row within 20%, in the measured order per GPU', () => {
    console.log('calibration llama-2-7b tp1 throughput:', tp1.map(report).join('; '));
    for (const r of tp1) expect(Math.abs(r.error), report(r)).toBeLessThan(0.2);
    for (const gpu of ['h100-sxm', 'a100-80g-sxm']) {
      const rows = tp1.filter((r) => r.gpu === gpu).sort((a, b) => b.measuredOutTokPerSecPerGpu - a.measuredOutTokPerSecPerGpu);
      expect(rows.length).toBe(4);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.modelOutTokPerSecPerGpu, gpu).toBeLessThan(rows[i - 1]!.modelOutTokPerSecPerGpu);
    }
  });

  it('median absolute error over all static-batch rows is within 15%', () => {
    const m = median([...tp2, ...tp1].map((r) => Math.abs(r.error)));
    console.log(`calibration static-batch throughput: median |error| ${(m * 100).toFixed(1)}% over ${tp2.length + tp1.length} rows`);
    expect(m).toBeLessThan(0.15);
  });
});
