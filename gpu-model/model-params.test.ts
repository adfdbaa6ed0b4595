import { describe, expect, it } from 'vitest';
import { WeftError } from '../core/errors.js';
import { allModels, getModel, modelNames } from './model-catalog.js';
import { kvCacheElementsPerTokenPerLayer, paramCounts } from './model-params.js';

describe('derived parameter counts', () => {
  it.each(allModels().map((m) => [m.name, m] as const))('%s is within 1% of the published total', (_name, model) => {
    const counts = paramCounts(model);
    expect(Math.abs(counts.total / model.published.totalParams - 1)).toBeLessThan(0.01);
  });

  it('Mixtral-8x7B activates 12.9B parameters per token (within 1%)', () => {
    const counts = paramCounts(getModel('mixtral-8x7b'));
    expect(Math.abs(counts.active / 12.9e9 - 1)).toBeLessThan(0.01);
  });

  it('DeepSeek-V3 is 671B total and activates ~37B per token', () => {
    const counts = paramCounts(getModel('deepseek-v3'));
    expect(Math.abs(counts.total / 671e9 - 1)).toBeLessThan(0.01);
    // The report's "37B activated" is rounded to the billion; 37.5B would round to 38.
    expect(counts.active).toBeGreaterThan(36.5e9);
    expect(counts.active).toBeLessThan(37.6e9);
  });

  it('dense models activate every parameter', () => {
    const counts = paramCounts(getModel('llama-3-8b'));
    expect(counts.active).toBe(counts.total);
  });

  it('KV cache per token per layer: GQA 2 x kvHeads x headDim, MLA latent + rope', () => {
    expect(kvCacheElementsPerTokenPerLayer(getModel('llama-3-8b'))).toBe(2 * 8 * 128);
    expect(kvCacheElementsPerTokenPerLayer(getModel('deepseek-v3'))).toBe(512 + 64);
  });

  it('rejects an unknown model naming the valid ones', () => {
    expect(() => getModel('gpt-5')).toThrow(WeftError);
    try {
      getModel('gpt-5');
    } catch (error) {
      expect(error).toBeInstanceOf(WeftError);
      const e = error as WeftError;
      expect(e.code).toBe('BAD_INPUT');
      expect(e.details.expected).toContain(modelNames().join(', '));
    }
  });

  it('lookup is case-insensitive', () => {
    expect(getModel('Llama-3-8B').name).toBe('llama-3-8b');
  });
});
