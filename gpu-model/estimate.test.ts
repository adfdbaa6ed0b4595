import { describe, expect, it } from 'vitest';
import { WeftError } from '../core/errors.js';
import { estimate } from './estimate.js';

describe('estimate', () => {
  it('Llama-3-8B on one H100: fits, ~6-7 ms per decode token at batch 1, prefill in one step', () => {
    const e = estimate({ model: 'llama-3-8b', gpu: 'h100-sxm', tp: 1, promptTokens: 1024, batch: 1, outputTokens: 256 });
    expect(e.fits).toBe(true);
    expect(e.prefillSteps).toBe(1);
    expect(e.decodeTimePerTokenNs / 1e6).toBeGreaterThan(5.5);
    expect(e.decodeTimePerTokenNs / 1e6).toBeLessThan(7.5);
    expect(e.kvCacheRequests).toBe(Math.floor(e.kvCacheTokens / 1280));
  });

  it('chunks a large prefill by the token budget', () => {
    const e = estimate({ model: 'llama-3-8b', gpu: 'h100-sxm', tp: 1, promptTokens: 3000, batch: 8, maxBatchedTokens: 8192 });
    expect(e.prefillSteps).toBe(3);
  });

  it('reports, rather than throws, a configuration that does not fit', () => {
    const e = estimate({ model: 'llama-3-70b', gpu: 'l40s', tp: 1, promptTokens: 128, batch: 1 });
    expect(e.fits).toBe(false);
    expect(e.reason).toMatch(/exceed the usable/);
  });

  it('flags a batch whose KV cache does not fit', () => {
    const e = estimate({ model: 'llama-3-8b', gpu: 'l40s', tp: 1, promptTokens: 32_000, batch: 64 });
    expect(e.fits).toBe(false);
    expect(e.reason).toMatch(/KV cache holds/);
  });

  it('cost per million output tokens scales with the configured price', () => {
    const base = { model: 'qwen2.5-7b', gpu: 'a100-80g-sxm', tp: 1, promptTokens: 512, batch: 32 } as const;
    const a = estimate({ ...base, pricePerGpuHourUsd: 1 });
    const b = estimate({ ...base, pricePerGpuHourUsd: 2 });
    expect(b.usdPerMillionOutputTokens / a.usdPerMillionOutputTokens).toBeCloseTo(2, 9);
  });

  it('rejects unknown names with the flag and the valid list', () => {
    try {
      estimate({ model: 'llama-3-8b', gpu: 'v100', tp: 1, promptTokens: 1, batch: 1 });
      expect.unreachable();
    } catch (error) {
      const e = error as WeftError;
      expect(e).toBeInstanceOf(WeftError);
      expect(e.details.field).toBe('--gpu');
      expect(e.details.expected).toContain('h100-sxm');
    }
    expect(() => estimate({ model: 'llama-3-8b', gpu: 'h100-sxm', tp: 1, promptTokens: 0, batch: 1 })).toThrow(/--prompt/);
  });

  it('DeepSeek-V3 fp8 with EP 8 on 8 x H200 fits and decodes', () => {
    const e = estimate({ model: 'deepseek-v3', gpu: 'h200-sxm', tp: 8, ep: 8, precision: 'fp8', promptTokens: 2000, batch: 32 });
    expect(e.fits).toBe(true);
    expect(e.decodeTokensPerSec).toBeGreaterThan(0);
  });
});
