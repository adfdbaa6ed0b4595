import { describe, expect, it } from 'vitest';
import { WeftError } from '../core/errors.js';
import { nvlinkAlphaBetaCollectives } from './collectives.js';
import { getGpu } from './gpu-catalog.js';

describe('nvlinkAlphaBetaCollectives', () => {
  const h100 = getGpu('h100-sxm');
  const c = nvlinkAlphaBetaCollectives(h100, { launchNs: 0, stepNs: 0, bandwidthEfficiency: 1 });

  it('ring all-reduce moves 2(n-1)/n of the buffer at the per-direction NVLink bandwidth', () => {
    const bytes = 1e9;
    expect(c.allReduceTimeNs(bytes, 8)).toBeCloseTo(((2 * 7) / 8) * (bytes / 450), 6);
    expect(c.allReduceTimeNs(bytes, 1)).toBe(0);
  });

  it('all-reduce = reduce-scatter + all-gather', () => {
    expect(c.allReduceTimeNs(64e6, 4)).toBeCloseTo(c.reduceScatterTimeNs(64e6, 4) + c.allGatherTimeNs(64e6, 4), 6);
  });

  it('latency terms dominate small messages', () => {
    const real = nvlinkAlphaBetaCollectives(h100);
    expect(real.allReduceTimeNs(16 * 1024, 8)).toBeGreaterThan(5000);
    expect(real.allReduceTimeNs(16 * 1024, 8)).toBeLessThan(20_000);
  });

  it('uses PCIe on GPUs without NVLink', () => {
    const l40s = nvlinkAlphaBetaCollectives(getGpu('l40s'), { launchNs: 0, stepNs: 0, bandwidthEfficiency: 1 });
    expect(l40s.sendRecvTimeNs(32e9)).toBeCloseTo(1e9, 0);
  });

  it('rejects groups larger than one NVLink domain', () => {
    expect(() => c.allReduceTimeNs(1e6, 16)).toThrow(WeftError);
  });
});
