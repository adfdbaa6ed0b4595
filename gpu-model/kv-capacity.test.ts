import { describe, expect, it } from 'vitest';
import { WeftError } from '../core/errors.js';
import { makeDeployment } from './deployment.js';
import { getGpu } from './gpu-catalog.js';
import { getModel } from './model-catalog.js';
import { kvCapacity, requireFits } from './kv-capacity.js';

describe('KV-cache capacity', () => {
  it('Llama-3-8B on one H100: capacity = (0.9 x HBM - weights - workspace) / KV bytes per token', () => {
    const d = makeDeployment({ model: getModel('llama-3-8b'), gpu: getGpu('h100-sxm') });
    const c = kvCapacity(d, { tokensPerRequest: 2048 });
    expect(c.fits).toBe(true);
    expect(c.kvBytesPerToken).toBe(32 * 2 * 8 * 128 * 2); // 128 KiB per token
    expect(c.weightBytesPerGpu / 1e9).toBeCloseTo(16.06, 1);
    expect(c.tokens).toBe(Math.floor((72e9 - c.weightBytesPerGpu - c.workspaceBytesPerGpu) / c.kvBytesPerToken));
    // ~55 GB free / 128 KiB ~= 420k tokens, about 205 requests of 2048 tokens.
    expect(c.tokens).toBeGreaterThan(400_000);
    expect(c.requests).toBe(Math.floor(c.tokens / 2048));
  });

  it('more tensor parallelism frees memory for the KV cache', () => {
    const model = getModel('llama-3-70b');
    const gpu = getGpu('h100-sxm');
    const tokens = (tp: number): number => kvCapacity(makeDeployment({ model, gpu, tp })).tokens;
    expect(tokens(8)).toBeGreaterThan(2 * tokens(4));
  });

  it('rejects a configuration that does not fit, with the reason', () => {
    const d = makeDeployment({ model: getModel('llama-3-70b'), gpu: getGpu('h100-sxm'), tp: 1 });
    const c = kvCapacity(d);
    expect(c.fits).toBe(false);
    expect(c.tokens).toBe(0);
    expect(c.reason).toMatch(/weights 131\.\d GiB .* exceed the usable 67\.1 GiB/);
    expect(() => requireFits(d)).toThrow(WeftError);
  });

  it('DeepSeek-V3 in fp8 fits one 8 x H200 server but not 8 x H100', () => {
    const model = getModel('deepseek-v3');
    expect(kvCapacity(makeDeployment({ model, gpu: getGpu('h200-sxm'), tp: 8, ep: 8, weightPrecision: 'fp8' })).fits).toBe(true);
    expect(kvCapacity(makeDeployment({ model, gpu: getGpu('h100-sxm'), tp: 8, ep: 8, weightPrecision: 'fp8' })).fits).toBe(false);
  });

  it('pipeline stages: the tightest stage bounds the capacity', () => {
    const d = makeDeployment({ model: getModel('llama-3-70b'), gpu: getGpu('a100-80g-sxm'), tp: 2, pp: 2 });
    expect(kvCapacity(d).fits).toBe(true);
  });
});

describe('MLA cache size', () => {
  it('DeepSeek-V3 caches 61 layers x 576 elements x 2 bytes = 70,272 bytes per token (bf16)', () => {
    const d = makeDeployment({ model: getModel('deepseek-v3'), gpu: getGpu('h200-sxm'), tp: 8, ep: 8, weightPrecision: 'fp8' });
    expect(kvCapacity(d).kvBytesPerToken).toBe(61 * 576 * 2);
    // A GQA model of similar size (Llama-3-70B at tp 8) caches 80 x 2 x 8 x 128 x 2 / 8 bytes per GPU.
    const llama = makeDeployment({ model: getModel('llama-3-70b'), gpu: getGpu('h200-sxm'), tp: 8 });
    expect(kvCapacity(llama).kvBytesPerToken).toBe((80 * 2 * 8 * 128 * 2) / 8);
  });
});
