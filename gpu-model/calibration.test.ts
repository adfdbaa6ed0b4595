/**
 * The cost model against published measurements. Tolerance: issue 5 asks for a median absolute
 * error within 15% on Llama-2-70B, and that is the main assertion. Single points are bounded
 * more loosely, at 50%: the H100 fp8 128-token point is under-predicted by ~42% (15 ms vs 26 ms).
 * Fitting it would need a ~13 ms per-step overhead that the 2048-token point rules out; the
 * likely cause is fixed fp8 work (activation quantization, scaling) of the 2023 TensorRT-LLM fp8
 * kernels that a roofline with one constant overhead does not capture. Per GPU type the median
 * error is bounded at 25% (A100 ~3%, H100 ~23% with these four points).
 */
import { describe, expect, it } from 'vitest';
import { LLAMA2_70B_PREFILL, LLAMA2_7B_PREFILL, LLAMA3_70B_DECODE, type PrefillMeasurement } from './calibration-data.js';
import { nvlinkAlphaBetaCollectives } from './collectives.js';
import { makeDeployment } from './deployment.js';
import { DEFAULT_EFFICIENCY } from './efficiency.js';
import { getGpu } from './gpu-catalog.js';
import { getModel } from './model-catalog.js';
import { stepCost } from './step-cost.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function prefillRows(points: readonly PrefillMeasurement[]) {
  return points.map((m) => {
    const gpu = getGpu(m.gpu);
    const d = makeDeployment({ model: getModel(m.model), gpu, tp: m.tp, weightPrecision: m.precision, kvCachePrecision: m.precision === 'fp8' ? 'fp8' : 'bf16' });
    const cost = stepCost(d, [{ newTokens: m.promptTokens, cachedTokens: 0 }], {
      collectives: nvlinkAlphaBetaCollectives(gpu),
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
 * by 1.6 ms over 32 layers (~50 us a layer); for Llama-2-70B at TP 4 by 10.9 ms over 80 layers
 * (~136 us a layer), so ~86 us a layer, ~43 us per 2 MB all-reduce, comes with tensor
 * parallelism. At 2048 tokens, and on A100 at either length, both models agree within ~5%. The
 * missing time is fixed latency per kernel and per all-reduce that matters only when each
 * kernel's roofline work is a few microseconds (H100 fp8, short prompts); a roofline with one
 * per-step overhead does not capture it, and fitting two more constants to these two points
 * would be tuning, so the model is left as is and the gap reported.
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
    // Per layer, the TP 4 gap exceeds the TP 1 gap: the extra is tensor-parallel.
    const gapPerLayer = (r: typeof short7b, layers: number): number => (r.measuredMs - r.modelMs) / layers;
    expect(gapPerLayer(short70b, 80)).toBeGreaterThan(2 * gapPerLayer(short7b, 32));
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
 * remaining error is reported (c=1: ~-17%, c=5: ~-4%, c=25: ~+15%, c=50: ~+24%).
 */
describe('calibration: Llama-3-70B fp8 decode under load against NVIDIA NIM 1.8.0 on 2 x H100', () => {
  const rows = LLAMA3_70B_DECODE.map((m) => {
    const gpu = getGpu(m.gpu);
    const d = makeDeployment({ model: getModel(m.model), gpu, tp: m.tp, weightPrecision: m.precision, kvCachePrecision: 'fp8' });
    const decode = Array.from({ length: m.concurrency }, () => ({ newTokens: 1, cachedTokens: m.promptTokens + m.outputTokens / 2 }));
    const prefillPerStep = Math.round((m.concurrency * m.promptTokens) / m.outputTokens);
    const batch = m.concurrency > 1 ? [...decode, { newTokens: prefillPerStep, cachedTokens: m.promptTokens / 2 }] : decode;
    const modelMs = stepCost(d, batch, { collectives: nvlinkAlphaBetaCollectives(gpu), efficiency: DEFAULT_EFFICIENCY }).timeNs / 1e6;
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
