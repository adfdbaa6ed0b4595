import { describe, expect, it } from 'vitest';
import { gpuRows, modelRows } from './catalog-rows.js';

describe('catalog rows', () => {
  it('GPU rows are in display units and keep their sources', () => {
    const h100 = gpuRows().find((r) => r.name === 'h100-sxm');
    expect(h100).toMatchObject({ bf16DenseTflops: 989.5, fp8DenseTflops: 1979, hbmGB: 80, hbmBandwidthGBps: 3350, nvlinkGBpsPerDirection: 450 });
    expect(h100?.sources.compute).toMatch(/datasheet/);
    expect(gpuRows().find((r) => r.name === 'a100-80g-sxm')?.fp8DenseTflops).toBeNull();
  });

  it('model rows carry derived totals and MoE shapes', () => {
    const ds = modelRows().find((r) => r.name === 'deepseek-v3');
    expect(ds).toMatchObject({ attention: 'mla', kvHeads: null, experts: 256, topK: 8, sharedExperts: 1, ffn: 2048 });
    expect(ds?.totalParamsB).toBeCloseTo(671, -1);
    expect(modelRows().find((r) => r.name === 'llama-3-8b')?.totalParamsB).toBeCloseTo(8.03, 2);
  });

  it('rows are JSON-serialisable as they are', () => {
    expect(JSON.parse(JSON.stringify(gpuRows()))).toEqual(gpuRows());
    expect(JSON.parse(JSON.stringify(modelRows()))).toEqual(modelRows());
  });
});
