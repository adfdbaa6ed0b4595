import { describe, expect, it } from 'vitest';
import { WeftError } from '../core/errors.js';
import { ALLREDUCE_CURVES, type AllReduceCurve } from './allreduce-curves.js';
import { nvlinkAlphaBetaCollectives } from './collectives.js';
import { getGpu } from './gpu-catalog.js';
import { checkAllReduceCurve, measuredAllReduceCollectives } from './measured-collectives.js';

const MiB = 1024 * 1024;
const h100 = getGpu('h100-sxm');

describe('measured all-reduce curves', () => {
  it('every recorded curve is well formed and covers 2, 4 and 8 GPUs of A100 and H100', () => {
    for (const c of ALLREDUCE_CURVES) checkAllReduceCurve(c);
    for (const gpu of ['a100-80g-sxm', 'h100-sxm']) {
      expect(ALLREDUCE_CURVES.filter((c) => c.gpu === gpu).map((c) => c.gpus)).toEqual([2, 4, 8]);
    }
  });

  it('reproduces every measured point exactly', () => {
    for (const curve of ALLREDUCE_CURVES) {
      const c = measuredAllReduceCollectives(getGpu(curve.gpu));
      for (const p of curve.points) expect(c.allReduceTimeNs(p.bytes, curve.gpus)).toBeCloseTo(p.timeUs * 1000, 6);
    }
  });

  it('interpolates linearly, holds the floor below the smallest size and extrapolates the last slope', () => {
    const c = measuredAllReduceCollectives(h100);
    // 8 x H100: 2 MiB 39 us, 8 MiB 74 us, 64 MiB 322 us.
    expect(c.allReduceTimeNs(5 * MiB, 8)).toBeCloseTo((39 + (35 * 3) / 6) * 1000, 6);
    expect(c.allReduceTimeNs(1024, 8)).toBe(36_000);
    expect(c.allReduceTimeNs(128 * MiB, 8)).toBeCloseTo((322 + ((322 - 74) / 56) * 64) * 1000, 6);
    expect(c.allReduceTimeNs(64 * MiB, 1)).toBe(0);
  });

  it('is slower than the alpha-beta model at the MB sizes of short prefills (the small-message latency)', () => {
    const measured = measuredAllReduceCollectives(h100);
    const alpha = nvlinkAlphaBetaCollectives(h100);
    // A 128-token prefill of an 8192-wide model all-reduces 2 MiB per layer half.
    expect(measured.allReduceTimeNs(2 * MiB, 8) / alpha.allReduceTimeNs(2 * MiB, 8)).toBeGreaterThan(1.5);
  });

  it('falls back to alpha-beta for other GPU types and for every other collective', () => {
    const h200 = getGpu('h200-sxm');
    const alpha200 = nvlinkAlphaBetaCollectives(h200);
    expect(measuredAllReduceCollectives(h200).allReduceTimeNs(2 * MiB, 8)).toBe(alpha200.allReduceTimeNs(2 * MiB, 8));
    const alpha = nvlinkAlphaBetaCollectives(h100);
    const c = measuredAllReduceCollectives(h100);
    expect(c.allGatherTimeNs(8 * MiB, 8)).toBe(alpha.allGatherTimeNs(8 * MiB, 8));
    expect(c.allToAllTimeNs(8 * MiB, 4)).toBe(alpha.allToAllTimeNs(8 * MiB, 4));
    expect(c.sendRecvTimeNs(MiB)).toBe(alpha.sendRecvTimeNs(MiB));
  });

  it('rejects malformed curves and groups beyond one server', () => {
    const bad: AllReduceCurve = { gpu: 'h100-sxm', gpus: 8, source: 'test', points: [{ bytes: 2 * MiB, timeUs: 40 }, { bytes: MiB, timeUs: 50 }] };
    expect(() => measuredAllReduceCollectives(h100, [bad])).toThrow(WeftError);
    expect(() => {
      checkAllReduceCurve({ ...bad, points: [{ bytes: MiB, timeUs: 0 }, { bytes: 2 * MiB, timeUs: 1 }] });
    }).toThrow(/positive/);
    expect(() => {
      measuredAllReduceCollectives(h100).allReduceTimeNs(MiB, 16);
    }).toThrow(WeftError);
  });
});
