import { describe, expect, it } from 'vitest';
import { WeftError } from '../core/errors.js';
import { type CollectiveCost, nvlinkAlphaBetaCollectives } from './collectives.js';
import { makeDeployment, stageWeightBytesPerGpu } from './deployment.js';
import { DEFAULT_EFFICIENCY, type EfficiencyFactors } from './efficiency.js';
import { getGpu } from './gpu-catalog.js';
import { getModel } from './model-catalog.js';
import { paramCounts } from './model-params.js';
import { kvBytesPerTokenPerLayerPerGpu, stepCost } from './step-cost.js';

const h100 = getGpu('h100-sxm');
const nvlink = nvlinkAlphaBetaCollectives(h100);
const noOverhead: EfficiencyFactors = { ...DEFAULT_EFFICIENCY, stepOverheadNs: 0 };
const freeNetwork: CollectiveCost = {
  allReduceTimeNs: () => 0,
  allGatherTimeNs: () => 0,
  reduceScatterTimeNs: () => 0,
  allToAllTimeNs: () => 0,
  sendRecvTimeNs: () => 0,
};

describe('step cost: closed forms', () => {
  it('decode of Llama-3-8B on H100 at batch 1 is memory-bound: time ~= weight bytes / HBM bandwidth / efficiency', () => {
    const d = makeDeployment({ model: getModel('llama-3-8b'), gpu: h100 });
    const cost = stepCost(d, [{ newTokens: 1, cachedTokens: 0 }], { collectives: nvlink, efficiency: noOverhead });
    const weightBytes = stageWeightBytesPerGpu(d, 0) - paramCounts(d.model).embedding * 2; // the lookup reads one row
    const closedFormNs = (weightBytes / (h100.hbmBandwidthBytesPerSec * DEFAULT_EFFICIENCY.memoryEfficiency)) * 1e9;
    expect(cost.stages[0]!.memoryBound).toBe(true);
    // Compute adds 2 x 8e9 FLOPs / (989 TFLOP/s x 0.7) ~= 0.02 ms on top of ~5.6 ms: within 1%.
    expect(Math.abs(cost.timeNs / closedFormNs - 1)).toBeLessThan(0.01);
  });

  it('prefill FLOPs ~= 2 x params x tokens + the causal attention term', () => {
    const model = getModel('llama-3-8b');
    const d = makeDeployment({ model, gpu: h100 });
    const tokens = 4096;
    const cost = stepCost(d, [{ newTokens: tokens, cachedTokens: 0 }], { collectives: nvlink, efficiency: noOverhead });
    const p = paramCounts(model);
    // Matmul params: everything but the embedding lookup (the head runs for one token only).
    const layerParams = p.total - p.embedding - p.lmHead - model.hidden - model.layers * p.otherPerLayer;
    const a = model.attention.kind === 'gqa' ? model.attention : undefined;
    const attention = model.layers * 4 * a!.heads * a!.headDim * ((tokens * (tokens + 1)) / 2);
    const expected = 2 * layerParams * tokens + attention + 2 * p.lmHead;
    expect(cost.stages[0]!.flopsPerGpu / expected).toBeCloseTo(1, 6);
  });

  it('long-prompt prefill is compute-bound', () => {
    const d = makeDeployment({ model: getModel('llama-3-70b'), gpu: h100, tp: 8 });
    const cost = stepCost(d, [{ newTokens: 8192, cachedTokens: 0 }], { collectives: nvlink, efficiency: noOverhead });
    expect(cost.stages[0]!.memoryBound).toBe(false);
  });

  it('doubling TP inside one server cuts decode time by less than 2x because of the all-reduces', () => {
    const model = getModel('llama-3-70b');
    const batch = Array.from({ length: 16 }, () => ({ newTokens: 1, cachedTokens: 1024 }));
    const time = (tp: number): number =>
      stepCost(makeDeployment({ model, gpu: h100, tp }), batch, { collectives: nvlink, efficiency: DEFAULT_EFFICIENCY }).timeNs;
    for (const tp of [2, 4]) {
      const speedup = time(tp) / time(2 * tp);
      expect(speedup).toBeGreaterThan(1);
      expect(speedup).toBeLessThan(2);
    }
    // Without communication cost the only sub-linear part is the fixed overhead.
    const ideal = (tp: number): number =>
      stepCost(makeDeployment({ model, gpu: h100, tp }), batch, { collectives: freeNetwork, efficiency: noOverhead }).timeNs;
    expect(ideal(4) / ideal(8)).toBeCloseTo(2, 1);
  });

  it('attention reads each sequence KV cache: decode time grows linearly with context', () => {
    const d = makeDeployment({ model: getModel('llama-3-8b'), gpu: h100 });
    // Ideal roofline (overlap 1) so that the small attention compute hides under the KV reads.
    const opts = { collectives: nvlink, efficiency: { ...noOverhead, overlap: 1 } };
    const t = (ctx: number): number => stepCost(d, [{ newTokens: 1, cachedTokens: ctx }], opts).timeNs;
    const perToken = 32 * 2 * 8 * 128 * 2; // layers x (k,v) x kvHeads x headDim x bf16
    const bw = h100.hbmBandwidthBytesPerSec * DEFAULT_EFFICIENCY.memoryEfficiency;
    expect((t(100_000) - t(0)) / 1e9).toBeCloseTo((100_000 * perToken) / bw, 4);
  });

  it('a mixed step costs less than its prefill and decode parts run as separate steps', () => {
    const d = makeDeployment({ model: getModel('llama-3-8b'), gpu: h100 });
    const opts = { collectives: nvlink, efficiency: DEFAULT_EFFICIENCY };
    const prefill = { newTokens: 512, cachedTokens: 1024 };
    const decode = Array.from({ length: 32 }, () => ({ newTokens: 1, cachedTokens: 800 }));
    const mixed = stepCost(d, [prefill, ...decode], opts).timeNs;
    const separate = stepCost(d, [prefill], opts).timeNs + stepCost(d, decode, opts).timeNs;
    expect(mixed).toBeLessThan(separate);
    expect(stepCost(d, [prefill, ...decode], opts).tokens).toBe(512 + 32);
  });

  it('weight precision: fp8 and int4 halve and quarter the batch-1 decode time (memory-bound)', () => {
    const model = getModel('llama-3-70b');
    const t = (weightPrecision: 'bf16' | 'fp8' | 'int4'): number =>
      stepCost(makeDeployment({ model, gpu: h100, tp: 4, weightPrecision }), [{ newTokens: 1, cachedTokens: 0 }], {
        collectives: freeNetwork,
        efficiency: noOverhead,
      }).timeNs;
    // Embeddings, head and norms stay bf16, so the ratios sit a little above 1/2 and 1/4.
    expect(t('fp8') / t('bf16')).toBeGreaterThan(0.5);
    expect(t('fp8') / t('bf16')).toBeLessThan(0.53);
    expect(t('int4') / t('bf16')).toBeGreaterThan(0.25);
    expect(t('int4') / t('bf16')).toBeLessThan(0.29);
  });

  it('pipeline: one micro-batch leaves (pp-1)/pp of the stage slots idle; more micro-batches fill the pipe', () => {
    const model = getModel('llama-3-70b');
    const d = makeDeployment({ model, gpu: h100, tp: 2, pp: 4 });
    const batch = Array.from({ length: 32 }, () => ({ newTokens: 1, cachedTokens: 512 }));
    const one = stepCost(d, batch, { collectives: nvlink, efficiency: noOverhead });
    expect(one.bubbleFraction).toBeCloseTo(0.75, 1);
    const four = stepCost(d, batch, { collectives: nvlink, efficiency: noOverhead, microbatches: 4 });
    expect(four.bubbleFraction).toBeLessThan(one.bubbleFraction);
    expect(four.pipelineSendTimeNs).toBeGreaterThan(0);
  });

  it('MoE: Mixtral decode at batch 1 reads only the 2 routed experts per layer; a large batch reads all 8', () => {
    const d = makeDeployment({ model: getModel('mixtral-8x7b'), gpu: h100, tp: 2 });
    const opts = { collectives: freeNetwork, efficiency: noOverhead };
    const one = stepCost(d, [{ newTokens: 1, cachedTokens: 0 }], opts).stages[0]!.hbmBytesPerGpu;
    const many = stepCost(d, Array.from({ length: 256 }, () => ({ newTokens: 1, cachedTokens: 0 })), opts).stages[0]!.hbmBytesPerGpu;
    const p = paramCounts(getModel('mixtral-8x7b'));
    const expertBytes = (32 * p.expert * 2) / 2; // 32 layers, bf16, tp 2
    expect((many - one) / expertBytes).toBeCloseTo(6, 0); // 8 touched instead of 2 (plus 256 tokens' KV)
  });

  it('expert parallelism pays two all-to-alls per MoE layer', () => {
    const model = getModel('deepseek-v3');
    const gpu = getGpu('h200-sxm');
    const sizes: number[] = [];
    const spy: CollectiveCost = {
      ...freeNetwork,
      allToAllTimeNs: (bytesPerGpu, gpus) => {
        sizes.push(bytesPerGpu, gpus);
        return 1;
      },
    };
    const d = makeDeployment({ model, gpu, tp: 8, ep: 8, weightPrecision: 'fp8' });
    const cost = stepCost(d, Array.from({ length: 64 }, () => ({ newTokens: 1, cachedTokens: 100 })), { collectives: spy, efficiency: noOverhead });
    // 58 MoE layers x (dispatch + combine), each costing 1 ns here; all-reduces are free.
    expect(cost.stages[0]!.commTimeNs).toBe(2 * 58);
    // Each rank dispatches its 64/8 tokens to 8 experts: 8 x 8 x 7168 x 2 bytes.
    expect(sizes).toEqual([8 * 8 * 7168 * 2, 8]);
  });

  it('MLA: the compressed cache is 576 elements per token per layer, replicated on every TP rank', () => {
    const d = makeDeployment({ model: getModel('deepseek-v3'), gpu: getGpu('h200-sxm'), tp: 8, ep: 8, weightPrecision: 'fp8' });
    expect(kvBytesPerTokenPerLayerPerGpu(d)).toBe(576 * 2);
    const llama = makeDeployment({ model: getModel('llama-3-70b'), gpu: h100, tp: 8 });
    expect(kvBytesPerTokenPerLayerPerGpu(llama)).toBe((2 * 8 * 128 * 2) / 8);
  });

  it('rejects empty batches and bad deployments with the valid range', () => {
    const d = makeDeployment({ model: getModel('llama-3-8b'), gpu: h100 });
    expect(() => stepCost(d, [], { collectives: nvlink, efficiency: noOverhead })).toThrow(WeftError);
    expect(() => stepCost(d, [{ newTokens: 0, cachedTokens: 0 }], { collectives: nvlink, efficiency: noOverhead })).toThrow(WeftError);
    expect(() => makeDeployment({ model: getModel('llama-3-8b'), gpu: h100, tp: 3 })).toThrow(/divide/);
    expect(() => makeDeployment({ model: getModel('llama-3-8b'), gpu: h100, ep: 2, tp: 2 })).toThrow(/dense/);
    expect(() => makeDeployment({ model: getModel('mixtral-8x7b'), gpu: h100, ep: 4, tp: 2 })).toThrow(/ep=4/);
  });
});

describe('step cost: host-launch-bound engine', () => {
  const d = makeDeployment({ model: getModel('llama-3-70b'), gpu: h100, tp: 8 });
  const decode = [{ newTokens: 1, cachedTokens: 512 }];
  const prefill = [{ newTokens: 8192, cachedTokens: 0 }];

  it('a step takes max(GPU time, layers x host time per layer), not the sum', () => {
    const gpuOnly = stepCost(d, decode, { collectives: nvlink, efficiency: noOverhead }).timeNs;
    const hostNs = 80 * 500_000; // 40 ms of host work against ~10 ms of GPU work
    const eager = stepCost(d, decode, { collectives: nvlink, efficiency: { ...noOverhead, hostLaunchNsPerLayer: 500_000 } }).timeNs;
    expect(gpuOnly).toBeLessThan(hostNs);
    expect(eager).toBe(hostNs);
  });

  it('a GPU-bound step (long prefill) is unchanged by the host floor', () => {
    const base = stepCost(d, prefill, { collectives: nvlink, efficiency: noOverhead }).timeNs;
    const eager = stepCost(d, prefill, { collectives: nvlink, efficiency: { ...noOverhead, hostLaunchNsPerLayer: 500_000 } }).timeNs;
    expect(base).toBeGreaterThan(80 * 500_000);
    expect(eager).toBe(base);
  });
});
