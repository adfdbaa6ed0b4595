import { describe, expect, it } from 'vitest';
import { scaleArrivals, syntheticRequests, takeRequests } from './request-sources.js';

function gapStats(cv: number): { mean: number; cv: number } {
  const rs = [...syntheticRequests({ ratePerSec: 10, count: 20_001, cv, prompt: { kind: 'fixed', tokens: 10 }, output: { kind: 'fixed', tokens: 1 }, seed: 9 })];
  const gaps = rs.slice(1).map((r, i) => r.arrivalNs - rs[i]!.arrivalNs);
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
  return { mean, cv: sd / mean };
}

describe('synthetic request streams', () => {
  it('Poisson arrivals have the requested mean gap and cv 1; gamma arrivals the requested cv', () => {
    // 20,000 gaps: the sample mean is within ~2% (3 standard errors) of the truth.
    for (const cv of [1, 0.5, 3]) {
      const s = gapStats(cv);
      expect(Math.abs(s.mean / 1e8 - 1)).toBeLessThan(0.03 * Math.max(1, cv));
      expect(Math.abs(s.cv / cv - 1)).toBeLessThan(0.1);
    }
  });

  it('draws lengths within their bounds, deterministically per seed', () => {
    const make = (seed: number) => [...syntheticRequests({ ratePerSec: 1, count: 500, prompt: { kind: 'lognormal', median: 800, sigma: 1, max: 4000 }, output: { kind: 'uniform', min: 5, max: 9 }, seed })];
    const a = make(1);
    expect(make(1)).toEqual(a);
    expect(make(2)).not.toEqual(a);
    for (const r of a) {
      expect(r.promptTokens).toBeGreaterThanOrEqual(1);
      expect(r.promptTokens).toBeLessThanOrEqual(4000);
      expect(r.outputTokens).toBeGreaterThanOrEqual(5);
      expect(r.outputTokens).toBeLessThanOrEqual(9);
    }
    const sorted = a.map((r) => r.promptTokens).sort((x, y) => x - y);
    expect(Math.abs(sorted[250]! / 800 - 1)).toBeLessThan(0.15);
  });

  it('rejects bad options with the field named', () => {
    expect(() => [...syntheticRequests({ ratePerSec: 0, count: 1, prompt: { kind: 'fixed', tokens: 1 }, output: { kind: 'fixed', tokens: 1 } })]).toThrow(/arrival rate/);
    expect(() => [...syntheticRequests({ ratePerSec: 1, count: 1, prompt: { kind: 'uniform', min: 5, max: 2 }, output: { kind: 'fixed', tokens: 1 } })]).toThrow(/length distribution/);
  });

  it('scales arrival times by the speedup and takes a prefix of a stream', async () => {
    const base = [
      { arrivalNs: 0, promptTokens: 1, outputTokens: 1 },
      { arrivalNs: 1000, promptTokens: 1, outputTokens: 1 },
      { arrivalNs: 3000, promptTokens: 1, outputTokens: 1 },
    ];
    const out = [];
    for await (const r of scaleArrivals(takeRequests(base, 2), 4)) out.push(r.arrivalNs);
    expect(out).toEqual([0, 250]);
    await expect(scaleArrivals(base, -1).next()).rejects.toThrow(/time-scaling/);
  });
});
