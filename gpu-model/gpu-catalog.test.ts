import { describe, expect, it } from 'vitest';
import { WeftError } from '../core/errors.js';
import { allGpus, getGpu, gpuNames, peakFlopsPerSec, withPrice } from './gpu-catalog.js';

describe('GPU catalog', () => {
  it('holds the six GPU types of issue 5', () => {
    expect(gpuNames()).toEqual(['a100-80g-sxm', 'h100-sxm', 'h200-sxm', 'b200', 'l40s', 'ascend-910b']);
  });

  it.each(allGpus().map((g) => [g.name, g] as const))('%s has positive figures and a source for each group', (_n, gpu) => {
    expect(gpu.bf16FlopsPerSec).toBeGreaterThan(0);
    expect(gpu.hbmBytes).toBeGreaterThan(0);
    expect(gpu.hbmBandwidthBytesPerSec).toBeGreaterThan(0);
    expect(gpu.pcieBandwidthBytesPerSecPerDirection).toBeGreaterThan(0);
    expect(gpu.nvlinkDomainSize).toBeGreaterThanOrEqual(1);
    expect(gpu.nvlinkDomainSize > 1).toBe(gpu.nvlinkBandwidthBytesPerSecPerDirection > 0);
    const { compute, memory, interconnect, price } = gpu.sources;
    for (const source of [compute, memory, interconnect, price]) expect(source.length).toBeGreaterThan(10);
  });

  it('uses dense figures: H100 SXM bf16 is half the datasheet sparse 1,979 TFLOPS', () => {
    expect(getGpu('h100-sxm').bf16FlopsPerSec).toBeCloseTo(1979e12 / 2, -9);
    expect(getGpu('h100-sxm').fp8FlopsPerSec).toBe(1979e12);
  });

  it('marks only the Ascend 910B approximate', () => {
    expect(allGpus().filter((g) => g.approximate).map((g) => g.name)).toEqual(['ascend-910b']);
  });

  it('falls back to bf16 peak for fp8 on GPUs without fp8', () => {
    const a100 = getGpu('a100-80g-sxm');
    expect(peakFlopsPerSec(a100, 'fp8')).toBe(a100.bf16FlopsPerSec);
  });

  it('price per GPU-hour is configurable and validated', () => {
    expect(getGpu('h100-sxm', { pricePerGpuHourUsd: 1.23 }).pricePerGpuHourUsd).toBe(1.23);
    expect(() => withPrice(getGpu('h100-sxm'), -1)).toThrow(WeftError);
  });

  it('rejects an unknown GPU naming the valid ones', () => {
    try {
      getGpu('h1000', { field: '--gpu' });
      expect.unreachable();
    } catch (error) {
      const e = error as WeftError;
      expect(e.code).toBe('BAD_INPUT');
      expect(e.details.field).toBe('--gpu');
      expect(e.details.expected).toBe(`one of: ${gpuNames().join(', ')}`);
    }
  });
});
