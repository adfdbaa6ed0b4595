import { describe, expect, it } from 'vitest';
import { meetsSlo, percentile, summarizeRequests, tpotNs, type RequestRecord } from './metrics.js';

function record(id: number, arrivalNs: number, ttftNs: number, outputTokens: number, tpot: number): RequestRecord {
  const firstTokenNs = arrivalNs + ttftNs;
  return {
    id,
    arrivalNs,
    firstTokenNs,
    finishNs: firstTokenNs + tpot * (outputTokens - 1),
    promptTokens: 100,
    outputTokens,
    queueWaitNs: id * 10,
    maxItlNs: 2 * tpot,
    preemptions: id % 2,
    prefixHitTokens: id === 0 ? 50 : 0,
    networkNs: 0,
    kvTransferBytes: 0,
    replica: 0,
  };
}

describe('serving metrics', () => {
  // Ten requests, one per second; TTFT (i + 1) x 10 ms; 11 tokens at 5 ms (even) or 20 ms (odd).
  const records = Array.from({ length: 10 }, (_, i) => record(i, i * 1e9, (i + 1) * 1e7, 11, i % 2 === 0 ? 5e6 : 2e7));

  it('nearest-rank percentiles', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(percentile(sorted, 0.5)).toBe(5);
    expect(percentile(sorted, 0.9)).toBe(9);
    expect(percentile(sorted, 0.99)).toBe(10);
    expect(percentile(new Float64Array(0), 0.5)).toBe(0);
  });

  it('TTFT, TPOT, throughput and prefix hit rate by their definitions', () => {
    const s = summarizeRequests(records, 1);
    expect(s.requests).toBe(10);
    expect(s.rejected).toBe(1);
    expect(s.ttft.p50Ns).toBe(5e7);
    expect(s.ttft.p99Ns).toBe(1e8);
    expect(s.ttft.meanNs).toBeCloseTo(5.5e7, 3);
    expect(s.tpot.p50Ns).toBe(5e6);
    expect(s.tpot.p90Ns).toBe(2e7);
    expect(tpotNs(records[1]!)).toBeCloseTo(2e7, 3);
    // Makespan: first arrival (0) to the last finish (9 s + 100 ms + 10 x 20 ms).
    expect(s.makespanNs).toBe(9e9 + 1e8 + 2e8);
    expect(s.requestsPerSec).toBeCloseTo(10 / 9.3, 9);
    expect(s.outputTokensPerSec).toBeCloseTo(110 / 9.3, 9);
    expect(s.prefixHitRate).toBeCloseTo(50 / 1000, 12);
    expect(s.preemptions).toBe(5);
    // Mean inter-token gap over all gaps: half at 5 ms, half at 20 ms.
    expect(s.itl.meanNs).toBeCloseTo(12.5e6, 3);
    expect(s.queueing.p99Ns).toBe(90);
  });

  it('goodput counts requests per second meeting every SLO target', () => {
    const slo = { ttftNs: 6e7, tpotNs: 1e7 };
    // Meets: even ids with TTFT <= 60 ms: 0, 2, 4.
    expect(records.filter((r) => meetsSlo(r, slo)).map((r) => r.id)).toEqual([0, 2, 4]);
    const s = summarizeRequests(records, 0, slo);
    expect(s.goodputRequestsPerSec).toBeCloseTo(3 / 9.3, 9);
    expect(summarizeRequests(records, 0).goodputRequestsPerSec).toBe(s.requestsPerSec);
  });
});
