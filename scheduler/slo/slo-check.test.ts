import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { parseSlo } from '../planner/slo.js';
import { checkSlo, type FinishedRequest } from './slo-check.js';

const MS = 1e6;
const S = 1e9;

/** `count` requests arriving 10 ms apart from `startNs`, with TTFT i ms (i = 1..count), 11 tokens 20 ms apart. */
function window(startNs: number, count: number, extra: Partial<FinishedRequest> = {}, ttftScale = 1): FinishedRequest[] {
  return Array.from({ length: count }, (_, k) => {
    const arrivalNs = startNs + k * 10 * MS;
    const firstTokenNs = arrivalNs + (k + 1) * ttftScale * MS;
    return { arrivalNs, firstTokenNs, finishNs: firstTokenNs + 10 * 20 * MS, outputTokens: 11, ...extra };
  });
}

describe('checkSlo', () => {
  const slo = parseSlo('ttft-p99=150ms,tpot-p99=25ms');

  it('computes p50/p99 of TTFT, TPOT and end-to-end latency and the share of requests meeting every target', () => {
    const report = checkSlo(window(0, 100), slo, { windowNs: 10 * S });
    expect(report.overall.requests).toBe(100);
    expect(report.overall.ttft.p50Ns).toBe(50 * MS);
    expect(report.overall.ttft.p99Ns).toBe(99 * MS);
    expect(report.overall.tpot.p99Ns).toBe(20 * MS);
    expect(report.overall.e2e.p99Ns).toBe(299 * MS);
    expect(report.requestAttainment).toBe(1);
    expect(report.windowAttainment).toBe(1);
    expect(report.violations).toEqual([]);
  });

  it('holds each window to the targets and names the cause of each missed one', () => {
    const requests = [
      ...window(0, 100), // met
      ...window(10 * S, 100, { queueWaitNs: 180 * MS }, 2), // TTFT up to 200 ms, mostly queue wait
      ...window(20 * S, 100, { preemptions: 1 }, 2), // same latency, with preemptions
      ...window(30 * S, 100, { networkNs: 150 * MS }, 2), // network time dominates
      ...window(40 * S, 100, {}, 2), // slow, no other signal
      ...window(50 * S, 100, { queueWaitNs: 180 * MS }, 2), // queueing, but replicas were starting
      ...window(60 * S, 100, { queueWaitNs: 180 * MS }, 2), // replicas starting, waiting for lent GPUs
    ];
    const report = checkSlo(requests, slo, {
      windowNs: 10 * S,
      control: [
        { startNs: 52 * S, endNs: 55 * S, replicasStarting: 1, gpusReclaiming: 0 },
        { startNs: 61 * S, endNs: 62 * S, replicasStarting: 1, gpusReclaiming: 8 },
      ],
    });
    expect(report.windows.map((w) => w.met)).toEqual([true, false, false, false, false, false, false]);
    expect(report.violations.map((w) => w.cause)).toEqual(['queueing', 'kv-cache-pressure', 'network-congestion', 'compute', 'scale-up-lag', 'reclaim-lag']);
    expect(report.violations[0]!.missed).toEqual(['ttft-p99']);
    expect(report.windowAttainment).toBeCloseTo(1 / 7, 10);
    // Requests with TTFT above 150 ms (i > 75 in the slow windows) miss individually.
    expect(report.requestAttainment).toBeCloseTo((100 + 6 * 75) / 700, 10);
  });

  it('rejects a request whose times are out of order, naming it', () => {
    const requests = window(0, 5);
    const bad = [...requests.slice(0, 3), { ...requests[3]!, firstTokenNs: requests[3]!.arrivalNs - 1 }];
    expect(() => checkSlo(bad, slo)).toThrow(WeftError);
    try {
      checkSlo(bad, slo);
    } catch (error) {
      expect(JSON.stringify(error) + (error as Error).message).toMatch(/requests\[3\]/);
    }
    expect(() => checkSlo(requests, slo, { windowNs: 0 })).toThrow(/window/);
  });
});
