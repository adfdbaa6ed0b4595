import { describe, expect, it } from 'vitest';
import { mmcTheory, simulateMmc } from './mmc-queue.js';

describe('M/M/c on the engine', () => {
  it('matches Erlang C within a few percent', () => {
    const result = simulateMmc({ arrivalRatePerSec: 800, serviceRatePerSec: 100, servers: 10, customers: 200_000, seed: 11 });
    const t = result.theory;
    expect(Math.abs(result.utilization / t.utilization - 1)).toBeLessThan(0.02);
    expect(Math.abs(result.waitProbability / t.waitProbability - 1)).toBeLessThan(0.05);
    expect(Math.abs(result.meanWaitNs / t.meanWaitNs - 1)).toBeLessThan(0.08);
    expect(Math.abs(result.meanSojournNs / t.meanSojournNs - 1)).toBeLessThan(0.02);
  });

  it('reduces to M/M/1 for one server', () => {
    const t = mmcTheory(50, 100, 1);
    expect(t.utilization).toBe(0.5);
    expect(t.waitProbability).toBeCloseTo(0.5, 12);
    expect(t.meanWaitNs).toBeCloseTo(1e7, 3); // rho / (mu - lambda) = 0.5 / 50 s
    expect(() => mmcTheory(100, 100, 1)).toThrow(/unstable/);
  });
});
